# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What residents are told before they consent, in plain Dutch (B1), English, Arabic and Tigrinya.

Read aloud or handed over when consent is asked; printed on the consent receipt in the language the
resident was informed in (Consent.informed_language). Short sentences, everyday words, no jargon
(taalniveau B1); the translations follow the Dutch sentence by sentence.

Every translation carries its review status (REVIEW) and the receipt prints it: a text a certified
translator has not checked says so on paper. When a translator has checked one, set
{"status": "checked", "checked_by": "<name, register number>", "checked_on": date(...)}.
"""

from datetime import date
from typing import Any, TypedDict

CONSENT_TEXT: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Toestemming om uw gegevens te delen",
        "intro": [
            "U vraagt hulp. Soms kan een andere organisatie u beter helpen.",
            "Wij willen u dan doorverwijzen. Daarvoor geven wij een paar gegevens over u aan die organisatie.",
            "Dat doen wij alleen als u dat goed vindt.",
        ],
        "what": "Wij delen alleen wat de andere organisatie nodig heeft om u te helpen. Niet meer.",
        "who": "Wij delen alleen met de organisaties die u noemt.",
        "how_long": "Uw toestemming geldt tot een vaste datum. Daarna vragen wij het opnieuw.",
        "safe": "Uw gegevens zijn beveiligd. Wij houden bij wie uw gegevens bekijkt, en waarom.",
        "withdraw": [
            "U mag altijd nee zeggen. U krijgt dan nog steeds hulp van ons.",
            "U mag uw toestemming altijd weer intrekken. Zeg het tegen uw contactpersoon. "
            "Dan delen wij niets meer, en de andere organisatie kan uw gegevens niet meer zien.",
        ],
        "rights": "U mag altijd vragen welke gegevens wij van u hebben, en wie ze heeft bekeken. "
        "Klopt er iets niet? Dan passen wij het aan. U mag ook vragen om uw gegevens te wissen.",
        "questions": "Vragen of een klacht? Bel de gemeente (14 070) en vraag naar de privacyfunctionaris.",
    },
    "en": {
        "title": "Permission to share your information",
        "intro": [
            "You asked for help. Sometimes another organisation can help you better.",
            "We would then like to refer you. To do that, we give a few details about you to that organisation.",
            "We only do this if you agree.",
        ],
        "what": "We only share what the other organisation needs to help you. Nothing more.",
        "who": "We only share with the organisations you name.",
        "how_long": "Your permission is valid until a fixed date. After that, we will ask you again.",
        "safe": "Your information is kept safe. We record who looks at your information, and why.",
        "withdraw": [
            "You can always say no. You will still get help from us.",
            "You can always take back your permission. Tell your contact person. "
            "Then we share nothing more, and the other organisation can no longer see your information.",
        ],
        "rights": "You can always ask what information we have about you, and who has looked at it. "
        "Is something wrong? We will correct it. You can also ask us to delete your information.",
        "questions": "Questions or a complaint? Call the municipality (14 070) and ask for the privacy officer.",
    },
    # Modern Standard Arabic, plain words; "u" as the singular "you" (أنت), as Arabic addresses one reader.
    "ar": {
        "title": "موافقة على مشاركة معلوماتك",
        "intro": [
            "أنت تطلب المساعدة. أحيانًا تستطيع منظمة أخرى أن تساعدك بشكل أفضل.",
            "عندها نريد أن نحيلك إلى تلك المنظمة. لذلك نعطيها بعض المعلومات عنك.",
            "نفعل ذلك فقط إذا وافقت أنت.",
        ],
        "what": "نشارك فقط ما تحتاجه المنظمة الأخرى لكي تساعدك. لا أكثر.",
        "who": "نشارك فقط مع المنظمات التي تذكرها أنت.",
        "how_long": "موافقتك صالحة حتى تاريخ محدد. بعد ذلك نسألك مرة أخرى.",
        "safe": "معلوماتك محمية. نحن نسجّل من يطّلع على معلوماتك، ولماذا.",
        "withdraw": [
            "يمكنك دائمًا أن تقول لا. وستبقى تحصل على المساعدة منا.",
            "يمكنك دائمًا أن تسحب موافقتك. أخبر الشخص الذي يتواصل معك. "
            "عندها لا نشارك أي شيء بعد ذلك، ولا تستطيع المنظمة الأخرى أن ترى معلوماتك بعد الآن.",
        ],
        "rights": "يمكنك دائمًا أن تسأل ما هي المعلومات التي لدينا عنك، ومن اطّلع عليها. "
        "هل هناك شيء غير صحيح؟ عندها نصحّحه. ويمكنك أيضًا أن تطلب حذف معلوماتك.",
        "questions": "هل لديك أسئلة أو شكوى؟ اتصل بالبلدية (14 070) واطلب مسؤول حماية البيانات.",
    },
    # Tigrinya in Ge'ez script, the polite plural "you" (ንስኻትኩም) as a professional addresses a resident.
    "ti": {
        "title": "ሓበሬታኹም ንምክፋል ፍቓድ",
        "intro": [
            "ሓገዝ ትሓቱ ኣለኹም። ሓደ ሓደ ግዜ ካልእ ትካል ብዝሓሸ ክሕግዘኩም ይኽእል እዩ።",
            "ሽዑ ናብቲ ትካል ክንሰደኩም ንደሊ። ንኸምኡ ንምግባር፣ ገለ ሓበሬታ ብዛዕባኹም ነቲ ትካል ንህብ።",
            "እዚ ንገብሮ ንስኻትኩም እንተ ተሰማሚዕኩም ጥራይ እዩ።",
        ],
        "what": "እቲ ካልእ ትካል ንምሕጋዝኩም ዘድልዮ ጥራይ ኢና እንካፈል። ካብኡ ንላዕሊ ኣይኮነን።",
        "who": "ምስቶም ንስኻትኩም ዝጠቐስኩምዎም ትካላት ጥራይ ኢና እንካፈል።",
        "how_long": "ፍቓድኩም ክሳብ ሓደ ዝተወሰነ ዕለት እዩ ዝጸንሕ። ድሕሪኡ እንደገና ክንሓተኩም ኢና።",
        "safe": "ሓበሬታኹም ውሑስ እዩ። መን ንሓበሬታኹም ከም ዝረኣዮን ስለምንታይን ንምዝግብ።",
        "withdraw": [
            "ኩሉ ግዜ ኣይፋል ክትብሉ ትኽእሉ ኢኹም። ሽዑ'ውን ካባና ሓገዝ ክትረኽቡ ኢኹም።",
            "ኩሉ ግዜ ፍቓድኩም ክትስሕቡ ትኽእሉ ኢኹም። ነቲ ምሳኹም ዝራኸብ ሰብ ንገርዎ። ሽዑ ዋላ ሓንቲ ኣይንካፈልን፣ እቲ ካልእ ትካል ድማ ሓበሬታኹም ክርእዮ ኣይክእልን።",
        ],
        "rights": "ኩሉ ግዜ ብዛዕባኹም እንታይ ሓበሬታ ከም ዘለና፣ መን ድማ ከም ዝረኣዮ ክትሓቱ ትኽእሉ ኢኹም። "
        "ዘይቅኑዕ ነገር ኣሎ ዶ? ሽዑ ነዐርዮ። ሓበሬታኹም ክድምሰስ'ውን ክትሓቱ ትኽእሉ ኢኹም።",
        "questions": "ሕቶ ወይ ጥርዓን ኣሎኩም ዶ? ናብ ምምሕዳር ከተማ (14 070) ደውሉ፣ ነቲ ሓላፊ ምሕላው ውልቃዊ ሓበሬታ ሕተቱ።",
    },
}

# The receipt's headings and notes. Arabic and Tigrinya also name the kinds of data and how consent
# was given (Dutch and English take those from the site's translations).
RECEIPT_WORDS: dict[str, dict[str, Any]] = {
    "nl": {
        "agreed": "Waar u toestemming voor gaf",
        "name": "Naam",
        "purpose": "Waarvoor",
        "with": "Met wie",
        "what": "Welke gegevens",
        "valid": "Geldig",
        "recorded_by": "Vastgelegd door",
        "withdrawn": "Ingetrokken",
        "changing": "Van gedachten veranderen",
        "reference": "Kenmerk",
        "review_draft": "",
        "review_checked": "",
    },
    "en": {
        "agreed": "What you agreed to",
        "name": "Name",
        "purpose": "For",
        "with": "With",
        "what": "What information",
        "valid": "Valid",
        "recorded_by": "Recorded by",
        "withdrawn": "Withdrawn",
        "changing": "Changing your mind",
        "reference": "Reference",
        "review_draft": "Draft translation: still to be checked by a certified translator.",
        "review_checked": "Translation checked by a certified translator ({by}, {on}).",
    },
    "ar": {
        "agreed": "ما الذي وافقت عليه",
        "name": "الاسم",
        "purpose": "لأي غرض",
        "with": "مع من",
        "what": "أي معلومات",
        "valid": "مدة الصلاحية",
        "recorded_by": "سجّلها",
        "withdrawn": "سُحبت الموافقة",
        "changing": "إذا غيّرت رأيك",
        "reference": "الرقم المرجعي",
        "review_draft": "ترجمة أولية: لم يراجعها مترجم محلّف بعد.",
        "review_checked": "راجع هذه الترجمة مترجم محلّف ({by}، {on}).",
        "categories": {
            "contact": "بيانات الاتصال",
            "summary": "ملخص طلب المساعدة",
            "needs": "أنواع طلب المساعدة",
            "finances": "الوضع المالي",
            "household": "الوضع العائلي",
            "health": "الصحة",
        },
        "given_how": {"spoken": "شفهيًا", "written": "كتابيًا", "digital": "رقميًا"},
    },
    "ti": {
        "agreed": "እንታይ ከም ዝተሰማማዕኩም",
        "name": "ስም",
        "purpose": "ንምንታይ",
        "with": "ምስ መን",
        "what": "እንታይ ሓበሬታ",
        "valid": "ዝጸንሓሉ ግዜ",
        "recorded_by": "ዝመዝገቦ",
        "withdrawn": "ፍቓድ ተሰሒቡ",
        "changing": "ሓሳብኩም እንተ ቐየርኩም",
        "reference": "መወከሲ ቁጽሪ",
        "review_draft": "ናይ መጀመርታ ትርጉም፦ ገና ብመሓላ ዝተረጋገጸ ተርጓማይ ክርአ ኣለዎ።",
        "review_checked": "እዚ ትርጉም ብመሓላ ዝተረጋገጸ ተርጓማይ ተራእዩ እዩ ({by}፣ {on})።",
        "categories": {
            "contact": "ናይ ርክብ ሓበሬታ",
            "summary": "ሓጺር መግለጺ ሕቶ ሓገዝ",
            "needs": "ዓይነታት ሕቶ ሓገዝ",
            "finances": "ፋይናንሳዊ ኩነታት",
            "household": "ኩነታት ስድራ",
            "health": "ጥዕና",
        },
        "given_how": {"spoken": "ብቓል", "written": "ብጽሑፍ", "digital": "ብዲጂታል"},
    },
}


class Review(TypedDict):
    status: str  # "source" (the Dutch original), "draft" or "checked"
    checked_by: str | None
    checked_on: date | None


def _draft() -> Review:
    return Review(status="draft", checked_by=None, checked_on=None)


REVIEW: dict[str, Review] = {
    "nl": Review(status="source", checked_by=None, checked_on=None),
    # Written by the project team, not checked by a certified translator.
    "en": _draft(),
    # Drafts by the project team: to be checked by a certified (beëdigd) translator before use on paper
    # without an interpreter present.
    "ar": _draft(),
    "ti": _draft(),
}

# Each language by its own name, as a resident recognises it.
LANGUAGES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "ti": "ትግርኛ"}
RIGHT_TO_LEFT = frozenset({"ar"})


def consent_text(language: str) -> dict:
    """The text in the resident's language, Dutch when we have no translation."""
    return CONSENT_TEXT.get(language, CONSENT_TEXT["nl"])


def text_language(language: str) -> str:
    """The language the resident's texts are printed in: theirs when we have it, else Dutch."""
    return language if language in CONSENT_TEXT else "nl"


def review(language: str) -> Review:
    return REVIEW[text_language(language)]


def direction(language: str) -> str:
    return "rtl" if text_language(language) in RIGHT_TO_LEFT else "ltr"


def receipt_words(language: str) -> dict:
    """The receipt's headings and notes in the resident's language."""
    return RECEIPT_WORDS[text_language(language)]


def review_note(language: str) -> str:
    """What the receipt says about its translation, in its own language ("" for the Dutch original)."""
    state = review(language)
    words = receipt_words(language)
    if state["status"] == "checked":
        return words["review_checked"].format(by=state["checked_by"], on=state["checked_on"])
    if state["status"] == "draft":
        return words["review_draft"]
    return ""

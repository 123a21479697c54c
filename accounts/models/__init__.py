# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from accounts.models.enrolment import EnrolmentLink
from accounts.models.memberships import Membership
from accounts.models.notice_settings import NoticeSettings
from accounts.models.work_contacts import WorkContact

__all__ = ["EnrolmentLink", "Membership", "NoticeSettings", "WorkContact"]

/* Overdracht: after django-otp-webauthn registered a passkey, go on to the page the form names. */
(function () {
  "use strict";
  document.addEventListener("otp_webauthn.register_complete", function (event) {
    var holder = event.target.closest ? event.target.closest("[data-passkey-next]") : null;
    if (holder && holder.dataset.passkeyNext) { window.location.assign(holder.dataset.passkeyNext); }
  });
})();

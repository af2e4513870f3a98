// Passkeys need the browser's WebAuthn API, so this is the UI's only script besides Blazor's own.
// A button with data-passkey="create" or "request" fetches options from the server, asks the
// browser for a credential, puts it in its form's hidden field and submits the form; the server
// checks it. Listening on the document keeps working across Blazor's enhanced navigation.
(() => {
  "use strict";

  const supported = () =>
    typeof window.PublicKeyCredential === "function" &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

  const say = (form, text) => {
    const status = form.querySelector(".passkey-status");
    if (status) {
      status.textContent = text;
    }
  };

  async function fetchOptions(url, form) {
    const token = form.querySelector("input[name='__RequestVerificationToken']");
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { RequestVerificationToken: token ? token.value : "" },
    });
    if (!response.ok) {
      throw new Error(`passkey options: ${response.status}`);
    }

    return response.json();
  }

  async function run(button) {
    const form = button.form;
    if (!supported()) {
      say(form, button.dataset.unsupported);
      return;
    }

    window.mikoshiBusy.start(button);
    say(form, "");
    try {
      const options = await fetchOptions(button.dataset.options, form);
      const credential = button.dataset.passkey === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      form.querySelector("[data-passkey-credential]").value = JSON.stringify(credential);
      // Still busy while the server checks it: the answer replaces the page (busy.js clears on enhancedload), and a
      // lost answer must not leave the button dead.
      form.requestSubmit();
      setTimeout(() => window.mikoshiBusy.stop(button), 20000);
    } catch (error) {
      console.warn(error);
      say(form, button.dataset.failed);
      window.mikoshiBusy.stop(button);
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-passkey]") : null;
    if (button && button.form) {
      event.preventDefault();
      run(button);
    }
  });
})();

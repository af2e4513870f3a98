// Progress on every action (issue #20 part 9): the button that sent a form, or that a page script is working for
// (passkeys, wallets, the in-browser verification), shows a spinner and aria-busy, reads its data-busy-label (the
// page's "working" text, from the same resources as the page) and is disabled until the answer arrives, so a slow
// action is visibly under way and is not sent twice. One pattern for every page: a form opts out with data-no-busy
// (say, a form that answers with a download); scripts call window.mikoshiBusy.start(button) and .stop(button).
(() => {
  "use strict";

  const busy = "busy";
  // The button's own content while it is busy, to put back when it is done (a WeakMap: a replaced page leaves nothing).
  const idle = new WeakMap();

  function mark(button) {
    button.classList.add(busy);
    button.setAttribute("aria-busy", "true");
    const label = button.dataset.busyLabel;
    if (label && !idle.has(button)) {
      idle.set(button, button.innerHTML);
      button.textContent = label;
    }
  }

  function clear(button) {
    button.classList.remove(busy);
    button.removeAttribute("aria-busy");
    button.disabled = false;
    if (idle.has(button)) {
      button.innerHTML = idle.get(button);
      idle.delete(button);
    }
  }

  function clearAll() {
    document.querySelectorAll("button." + busy).forEach(clear);
    document.querySelectorAll("a." + busy).forEach((link) => {
      link.classList.remove(busy);
      link.removeAttribute("aria-busy");
    });
  }

  // For page scripts: busy at once (nothing is being submitted, so disabling now loses nothing), and back as it was.
  window.mikoshiBusy = {
    start(button) {
      mark(button);
      button.disabled = true;
    },
    stop: clear,
  };

  // Capture phase: runs before Blazor's enhanced-form handler takes the submission over.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("data-no-busy")) {
      return;
    }

    const button = event.submitter instanceof HTMLButtonElement
      ? event.submitter
      : form.querySelector("button[type=submit], button:not([type])");
    if (button && !button.classList.contains(busy)) {
      mark(button);
      // Disabled once the form's data is collected, so the button's own name and value are still sent.
      setTimeout(() => { button.disabled = true; }, 0);
      // A response that does not replace the page (a download) must not leave the button dead.
      setTimeout(() => clear(button), 20000);
    }
  }, true);

  // A link marked data-busy (a section of the project page) shows it is loading: Blazor's enhanced navigation
  // fetches the next page in place, so the browser itself shows nothing until it arrives. Capture phase: Blazor's
  // own click handler takes the navigation over (and prevents the default) before a bubbling listener would run.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-busy]") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }

    link.classList.add(busy);
    link.setAttribute("aria-busy", "true");
  }, true);

  // Back to a page from the history cache, or a page patched in place by an enhanced navigation: nothing is running.
  window.addEventListener("pageshow", clearAll);
  if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
    window.Blazor.addEventListener("enhancedload", clearAll);
  }
})();

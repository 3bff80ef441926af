// The claim panel as a sheet over the text at phone width (templates/claims/article.html).
//
// Wide screens show the panel beside the text and this script changes nothing there but the
// Escape key. At phone width the stylesheet shows the panel fixed over the text while the
// drawer is open: it opens when a claim comes into the panel (htmx), closes with its Close
// button, "Back to the text" or Escape, and focus goes back to the claim it was opened from.
// Without this script the server opens it for ?claim= and "Back to the text" is a plain link.
// Our CSP allows no inline script: everything is wired here, by delegation on the document,
// so it keeps working when htmx swaps the page's parts (or its body, on history restore).
(function () {
  "use strict";

  let opener = null; // the highlight or list link that opened the current claim

  function drawer() {
    return document.getElementById("drawer");
  }

  function isSheet(el) {
    // The stylesheet decides the layout; the script only asks which one is in force.
    return getComputedStyle(el).position === "fixed";
  }

  function claimId(el) {
    const panel = el.querySelector(".claim-panel[data-claim]");
    return panel ? panel.getAttribute("data-claim") : null;
  }

  function wire(el) {
    const close = el.querySelector(".drawer-close");
    if (close) close.hidden = false;
    const back = el.querySelector(".drawer-back");
    const id = claimId(el);
    if (back && id) back.setAttribute("href", el.dataset.articleUrl + "#c" + id);
  }

  function open(el) {
    el.classList.add("is-open");
    wire(el);
  }

  function reveal(el) {
    // The claim in the text stays in sight, in the strip the sheet leaves above it.
    const id = claimId(el);
    const highlight = id ? document.getElementById("c" + id) : null;
    if (!highlight || !isSheet(el)) return;
    const room = el.getBoundingClientRect().top;
    const box = highlight.getBoundingClientRect();
    if (box.top >= 8 && box.bottom <= room - 8) return;
    window.scrollBy(0, box.top - Math.max(8, (room - box.height) / 2));
  }

  function close(el) {
    const id = claimId(el);
    el.classList.remove("is-open");
    if (window.location.search.indexOf("claim=") !== -1) {
      // The page's address stops naming the claim, so a reload does not reopen it.
      history.replaceState(history.state, "", el.dataset.articleUrl);
    }
    let target = opener && opener.isConnected ? opener : null;
    if (!target && id) target = document.getElementById("c" + id);
    opener = null;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (event) {
    const el = drawer();
    if (!el) return;
    const link = event.target.closest('[hx-target="#panel"]');
    if (link && !el.contains(link)) opener = link;
    if (event.target.closest(".drawer-close, .drawer-back") && el.contains(event.target)) {
      event.preventDefault();
      close(el);
    }
  });

  document.addEventListener("keydown", function (event) {
    const el = drawer();
    if (event.key !== "Escape" || !el || !el.classList.contains("is-open") || !isSheet(el)) {
      return;
    }
    event.preventDefault();
    close(el);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    const el = drawer();
    if (el && event.detail.target && event.detail.target.id === "panel" && claimId(el)) {
      open(el); // before htmx settles, so that the panel's heading can take the focus
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    const el = drawer();
    const target = event.detail.target;
    if (!el || !target || !el.classList.contains("is-open") || !isSheet(el)) return;
    // A move in the panel makes the page redraw the text beside it: the claim must stay in
    // sight above the sheet after that redraw too.
    if (target.id === "article-body") {
      reveal(el);
      return;
    }
    if (target.id !== "panel") return;
    if (!el.contains(document.activeElement)) {
      const heading = el.querySelector("#panel-title");
      if (heading) heading.focus({ preventScroll: true });
    }
    reveal(el);
  });

  function start() {
    const el = drawer();
    if (!el) return;
    wire(el);
    if (!el.classList.contains("is-open")) return;
    // A page opened at #panel skips the heading's autofocus (the fragment wins), and the
    // browser's jump to #panel, once the page has loaded, means nothing for a fixed sheet:
    // after it, focus the heading and bring the claim into sight above the sheet.
    const settle = function () {
      window.requestAnimationFrame(function () {
        const heading = el.querySelector("#panel-title");
        if (heading && !el.contains(document.activeElement)) {
          heading.focus({ preventScroll: true });
        }
        reveal(el);
      });
    };
    if (document.readyState === "complete") settle();
    else window.addEventListener("load", settle, { once: true });
  }

  document.addEventListener("htmx:historyRestore", start);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

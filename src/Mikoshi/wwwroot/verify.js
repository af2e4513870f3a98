// Checking the audit chain in the browser (issue #20): the ledger page's [data-verify-audit] button downloads the
// community's audit log (JSON Lines) and recomputes every link's SHA-256 with WebCrypto, the way
// AuditChain.HashOf and Verifier.VerifyExport do for `mikoshi verify --file`, so both name the same first mismatch:
//   hash = SHA-256(UTF-8(chainN | sequence | atUnixMs | len:actor | len:kind | len:payload | len:previousHash |))
// where chainN is the chain's id as 32 lower-case hex digits and len is the field's length in UTF-16 code units
// (C#'s string.Length, which is JavaScript's too). Then, like the CLI, it adds up every ledger link's postings and
// reports an account other than "external…" that goes below zero. Nothing is sent anywhere.
(() => {
  "use strict";

  const genesis = "0".repeat(64);
  const encoder = new TextEncoder();

  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

  async function hashOf(link) {
    let text = `${link.chain.replaceAll("-", "").toLowerCase()}|${link.sequence}|${link.atUnixMs}|`;
    for (const field of [link.actor, link.kind, link.payload, link.previousHash]) {
      text += `${field.length}:${field}|`;
    }

    return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  }

  // The export's property names as System.Text.Json's web defaults read them: case-insensitively.
  function field(object, name) {
    for (const key of Object.keys(object)) {
      if (key.toLowerCase() === name.toLowerCase()) {
        return object[key];
      }
    }

    return undefined;
  }

  const integer = (value) => {
    const number = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
    return Number.isSafeInteger(number) ? number : null;
  };

  // One line as an audit link, or a finding: "invalid" (not JSON of the right shape) or "notLink" (JSON null).
  function read(line) {
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { problem: "invalid" };
    }

    if (parsed === null) {
      return { problem: "notLink" };
    }

    if (typeof parsed !== "object" || Array.isArray(parsed)) {
      return { problem: "invalid" };
    }

    const link = {
      chain: field(parsed, "chain"), sequence: integer(field(parsed, "sequence")), atUnixMs: integer(field(parsed, "atUnixMs")),
      actor: field(parsed, "actor"), kind: field(parsed, "kind"), payload: field(parsed, "payload"),
      previousHash: field(parsed, "previousHash"), hash: field(parsed, "hash"),
    };
    const texts = [link.chain, link.actor, link.kind, link.payload, link.previousHash, link.hash];
    if (texts.some((t) => typeof t !== "string") || link.sequence === null || link.atUnixMs === null
      || !/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(link.chain)) {
      return { problem: "invalid" };
    }

    link.chainN = link.chain.replaceAll("-", "").toLowerCase();
    return { link };
  }

  async function verify(text) {
    const links = [];
    const lines = text.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") {
      lines.pop();
    }

    const findings = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
      if (line.length === 0) {
        continue;
      }

      const { link, problem } = read(line);
      if (problem) {
        findings.push({ where: "line", at: i + 1, reason: problem });
        break;
      }

      links.push(link);
    }

    if (links.length > 0) {
      const chain = links[0].chainN;
      let expected = 1;
      let previous = genesis;
      for (const link of links) {
        let reason = null;
        if (link.chainN !== chain) {
          reason = "otherChain";
        } else if (link.sequence !== expected) {
          reason = "missing";
        } else if (link.previousHash !== previous) {
          reason = "previous";
        } else if ((await hashOf(link)) !== link.hash) {
          reason = "edited";
        }

        if (reason) {
          findings.push({ where: "link", at: reason === "otherChain" || reason === "missing" ? expected : link.sequence, reason });
          break;
        }

        previous = link.hash;
        expected++;
      }
    }

    const balances = new Map();
    for (const link of links.filter((l) => l.kind.startsWith("ledger."))) {
      let postings;
      try {
        postings = field(JSON.parse(link.payload), "postings");
      } catch {
        postings = null;
      }

      for (const posting of Array.isArray(postings) ? postings : []) {
        const account = String(field(posting, "account"));
        const key = `${account}\u0000${field(posting, "asset")}`;
        const total = (balances.get(key) ?? 0n) + BigInt(field(posting, "units"));
        balances.set(key, total);
        if (total < 0n && !account.startsWith("external")) {
          findings.push({ where: "link", at: link.sequence, reason: "negative", account });
        }
      }
    }

    return { count: links.length, findings };
  }

  const fill = (template, ...values) => values.reduce((text, value, i) => text.replaceAll(`{${i}}`, String(value)), template);

  async function run(button) {
    const status = document.getElementById(button.dataset.status);
    const say = (text, result, at) => {
      status.textContent = text;
      status.dataset.result = result;
      if (at === undefined) {
        delete status.dataset.at;
      } else {
        status.dataset.at = String(at);
      }
    };

    if (!window.crypto || !crypto.subtle) {
      say(button.dataset.unsupported, "unsupported");
      return;
    }

    window.mikoshiBusy.start(button);
    say(button.dataset.working, "working");
    try {
      const response = await fetch(button.dataset.verifyAudit, { credentials: "same-origin", headers: { Accept: "application/jsonl" } });
      if (!response.ok) {
        say(button.dataset.failed, "failed");
        return;
      }

      const { count, findings } = await verify(await response.text());
      if (findings.length === 0) {
        say(fill(button.dataset.allMatch, count.toLocaleString(document.documentElement.lang || undefined)), "ok");
        return;
      }

      const first = findings[0];
      const reason = fill(button.dataset[`reason${first.reason[0].toUpperCase()}${first.reason.slice(1)}`] || first.reason, first.account ?? "");
      say(fill(first.where === "line" ? button.dataset.mismatchLine : button.dataset.mismatchLink, first.at, reason), "mismatch", first.at);
    } catch {
      say(button.dataset.failed, "failed");
    } finally {
      window.mikoshiBusy.stop(button);
    }
  }

  // Delegated, so it keeps working after Blazor's enhanced navigation replaces the page.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-verify-audit]") : null;
    if (button) {
      event.preventDefault();
      run(button);
    }
  });
})();

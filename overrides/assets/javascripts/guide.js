/* Back on the Bike decision guide: progressive enhancement of the static guide pages.
 *
 * The static pages already work as plain links. This script only answers in place when
 * guide.json has loaded and the page follows the contract; anything unexpected leaves the
 * static page as it is. Answers live only in the URL fragment, `#a=<qid>.<index>,...`
 * (optionally `&k=...`: later answers kept while the reader changes an earlier one).
 */
(function () {
  "use strict";
  if (window.botbGuide) return; // bind once, even if a page includes the script twice
  window.botbGuide = true;

  var cache = {}; // guide.json promise per absolute URL: fetched once per visit
  var memory = {}; // qid -> option index the reader chose before (this visit only)
  var view = null; // the page currently enhanced

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("guide.json " + r.status);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  // Longest number of questions from each node to an outcome (the tree is a checked DAG).
  // Computed once per copy of guide.json, not on every page swap.
  function depths(guide) {
    if (guide === depths.guide) return depths.far;
    var far = {};
    function walk(id, seen) {
      if (id in far) return far[id];
      var n = guide.nodes[id];
      if (!n || seen[id]) throw new Error("bad node " + id);
      if (n.type !== "question") return (far[id] = 0);
      seen[id] = 1;
      var best = 0;
      n.options.forEach(function (o) { best = Math.max(best, walk(o.next, seen)); });
      seen[id] = 0;
      return (far[id] = best + (later(n) ? 0 : 1));
    }
    Object.keys(guide.nodes).forEach(function (id) { walk(id, {}); });
    depths.guide = guide;
    return (depths.far = far);
  }

  // A checklist is asked on one page; its later yes/no items are not questions of their own.
  function later(n) { return !!(n.chain && n.chain.item > 1); }
  function itemId(n, i) { return i === 1 ? n.chain.group : n.chain.group + "--" + i; }

  // Answers grouped as the reader saw them: a checklist's yes/no items become one answer.
  function groups(guide, answers) {
    var out = [];
    answers.forEach(function (p, i) {
      var n = guide.nodes[p[0]];
      var last = out[out.length - 1];
      if (later(n) && last && last.group === n.chain.group) {
        last.end = i;
        last.node = n;
        last.index = p[1];
        return;
      }
      out.push({ start: i, end: i, node: n, index: p[1], group: n.chain ? n.chain.group : null });
    });
    return out.map(function (g) {
      var first = guide.nodes[answers[g.start][0]];
      if (!g.group) return { start: g.start, title: first.title, label: first.options[g.index].label };
      var said = g.node.options[g.index];
      var ticked = said.next !== (g.node.options[1] || {}).next; // the "no" answer is always second
      return {
        start: g.start,
        title: first.chain.question,
        label: ticked ? g.node.title + (said.fallback ? " (" + said.label + ")" : "") : first.chain.none
      };
    });
  }

  function facts(guide, answers) {
    var seen = {}, out = [];
    answers.forEach(function (p) {
      var f = guide.nodes[p[0]].options[p[1]].fact;
      if (f && !seen[f]) { seen[f] = 1; out.push(f); }
    });
    return out;
  }

  function parse(hash) {
    var out = { a: [], k: [], has: false };
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var m = /^([ak])=(.*)$/.exec(part);
      if (!m) return;
      if (m[1] === "a") out.has = true;
      m[2].split(",").forEach(function (pair) {
        var p = /^([a-z0-9-]+)\.(\d{1,3})$/.exec(decodeURIComponent(pair));
        if (p) out[m[1]].push([p[1], +p[2]]);
      });
    });
    return out;
  }

  function format(answers, kept) {
    var s = "#a=" + answers.map(function (x) { return x[0] + "." + x[1]; }).join(",");
    if (kept && kept.length) s += "&k=" + kept.map(function (x) { return x[0] + "." + x[1]; }).join(",");
    return s;
  }

  // The longest prefix of `pairs` that follows the tree from `root`; returns it and the node reached.
  function follow(guide, root, pairs) {
    var id = root, path = [];
    for (var i = 0; i < pairs.length; i++) {
      var n = guide.nodes[id];
      if (!n || n.type !== "question" || pairs[i][0] !== id || !n.options[pairs[i][1]]) break;
      path.push(pairs[i]);
      id = n.options[pairs[i][1]].next;
    }
    return { path: path, node: id };
  }

  function remember(pairs) {
    pairs.forEach(function (p) { memory[p[0]] = p[1]; });
  }

  function nodeUrl(v, id) { return new URL(v.guide.nodes[id].url, v.site).href; }

  // After answering `id` with option `i`: while the reader is changing an earlier answer,
  // later answers they gave before (`kept`) are taken again as long as they still fit the
  // path, as GOV.UK's "check your answers" does. Stops at the first question with no kept
  // answer that fits, or at the outcome.
  function ahead(v, answers, kept, id, i) {
    var next = answers.concat([[id, i]]);
    var rest = kept.filter(function (p) { return p[0] !== id; });
    var node = v.guide.nodes[id].options[i].next;
    for (;;) {
      var n = v.guide.nodes[node];
      var k = -1;
      for (var j = 0; j < rest.length; j++) if (rest[j][0] === node) k = j;
      if (n.type !== "question" || k < 0 || !n.options[rest[k][1]]) break;
      next.push(rest[k]);
      node = n.options[rest[k][1]].next;
      rest = rest.slice(0, k).concat(rest.slice(k + 1));
    }
    return { answers: next, kept: rest, node: node };
  }

  // A fragment that holds no answers (the skip link, a heading's permalink) is a place on the
  // page, not a step of the guide.
  function isStep(hash) {
    var s = parse(hash);
    return s.has || s.k.length > 0;
  }

  function summary(v, answers, changeUrl) {
    var list = el("ol", "botb-answers__list");
    groups(v.guide, answers).forEach(function (g) {
      var i = g.start;
      var li = el("li", "botb-answers__item");
      li.appendChild(el("span", "botb-answers__q", g.title));
      li.appendChild(el("strong", "botb-answers__a", g.label));
      var a = el("a", "botb-answers__change", "Change");
      a.href = changeUrl + format(answers.slice(0, i), answers.slice(i));
      a.setAttribute("data-change", "");
      a.appendChild(el("span", "botb-sr", " your answer to: " + g.title));
      li.appendChild(a);
      list.appendChild(li);
    });
    return list;
  }

  // The checklist form: tick every item that applies; the first ticked (the most urgent,
  // as the build checks) decides, exactly as answering the yes/no pages in order would.
  function checklistAnswers(v, first, ticked) {
    var out = [], id = first.id, n = first;
    for (var i = 1; i <= first.chain.items; i++) {
      id = itemId(first, i);
      n = v.guide.nodes[id];
      if (ticked[id]) { out.push([id, 0]); return { answers: out, next: n.options[0].next }; }
      out.push([id, 1]);
    }
    return { answers: out, next: n.options[1].next };
  }

  function renderChecklist(v, n, id, answers, kept) {
    var form = el("form", "botb-checklist");
    form.setAttribute("data-checklist", id);
    var fs = el("fieldset");
    var legend = el("legend", "botb-sr", n.chain.question);
    fs.appendChild(legend);
    var ul = el("ul", "botb-checklist__items");
    for (var i = 1; i <= n.chain.items; i++) {
      var itemNode = v.guide.nodes[itemId(n, i)];
      var li = el("li", "botb-checklist__item");
      var box = el("input");
      box.type = "checkbox";
      box.id = "tick-" + itemId(n, i);
      box.name = itemId(n, i);
      var label = el("label", null, itemNode.title);
      label.htmlFor = box.id;
      li.appendChild(box);
      li.appendChild(label);
      var hint = itemNode.hint || itemNode.options[0].hint;
      if (hint) {
        var h = el("span", "botb-option-hint", hint);
        h.id = "hint-" + box.id;
        box.setAttribute("aria-describedby", h.id);
        li.appendChild(h);
      }
      ul.appendChild(li);
    }
    fs.appendChild(ul);
    form.appendChild(fs);
    var go = el("button", "md-button md-button--primary botb-checklist__go", "Continue");
    go.type = "submit";
    form.appendChild(go);
    var none = checklistAnswers(v, n, {});
    var p = el("p", "botb-checklist__none");
    var a = el("a", "botb-option", n.chain.none);
    a.setAttribute("data-checklist-none", "");
    a.href = target(v, answers.concat(none.answers), kept, none.next);
    p.appendChild(a);
    form.appendChild(p);
    return form;
  }

  function target(v, answers, kept, next) {
    return v.guide.nodes[next].type === "question" ? format(answers, kept) : nodeUrl(v, next) + format(answers);
  }

  // Builds the whole question view first, then swaps it in: nothing static goes before it is ready.
  function renderQuestion(v, answers, kept, moveFocus) {
    var id = follow(v.guide, v.root, answers).node;
    var n = v.guide.nodes[id];
    var hash = format(answers, kept);
    var parts = [];
    var head = []; // above the question, as on GOV.UK: Back, then the caption

    var back = el("p", "botb-back");
    var button = el("button", "botb-back__button", "Back");
    button.type = "button";
    button.setAttribute("data-back", "");
    back.appendChild(button);
    back.hidden = !answers.length;
    head.push(back);

    var asked = answers.filter(function (p) { return !later(v.guide.nodes[p[0]]); }).length;
    var total = asked + v.far[id];
    var progress = el("p", "botb-progress", "Question " + (asked + 1) + " of at most " + total);
    head.push(progress);
    head.push(el("p", "botb-step", n.step || ""));
    var checklist = n.chain && n.chain.item === 1;
    var title = checklist ? n.chain.question : n.title;
    var hintId = "hint-" + id;
    if (checklist) {
      if (n.chain.hint) parts.push(el("p", "botb-hint", n.chain.hint));
      parts.push(renderChecklist(v, n, id, answers, kept));
    } else if (n.chain) {
      parts.push(el("p", "botb-chain", n.chain.question + " (" + n.chain.item + " of " + n.chain.items + ")"));
    }
    if (n.items) {
      var items = el("ul", "botb-items");
      n.items.forEach(function (t) { items.appendChild(el("li", null, t)); });
      parts.push(items);
    }
    if (!checklist && n.hint) {
      var hint = el("p", "botb-hint", n.hint);
      hint.id = hintId;
      parts.push(hint);
    }
    var ul = el("ul", "botb-options");
    if (checklist) ul.hidden = true;
    if (n.hint && !checklist) ul.setAttribute("aria-describedby", hintId);
    var previous = memory[id];
    var chosen = null;
    n.options.forEach(function (o, i) {
      var li = el("li");
      var a = el("a", "botb-option", o.label);
      var step = ahead(v, answers, kept, id, i);
      var target = v.guide.nodes[step.node];
      a.href = target.type === "question"
        ? format(step.answers, step.kept) : nodeUrl(v, step.node) + format(step.answers);
      a.setAttribute("data-option", String(i));
      a.setAttribute("data-next", o.next);
      if (i === previous) {
        a.classList.add("botb-option--previous");
        a.setAttribute("aria-current", "true");
        a.appendChild(el("span", "botb-option__previous", " (your answer before)"));
        chosen = a;
      }
      li.appendChild(a);
      if (o.hint) li.appendChild(el("span", "botb-option-hint", o.hint));
      ul.appendChild(li);
    });
    parts.push(ul);

    if (answers.length) {
      var box = el("section", "botb-answers");
      box.setAttribute("aria-labelledby", "botb-answers-h");
      var h = el("h2", null, "Your answers");
      h.id = "botb-answers-h";
      box.appendChild(h);
      box.appendChild(summary(v, answers, ""));
      parts.push(box);
    }
    var restart = el("p", "botb-restart");
    var again = el("a", null, "Start again");
    again.href = new URL("guide/", v.site).href;
    restart.appendChild(again);
    parts.push(restart);

    // The heading stays in place, so when it takes the focus it can do so before the swap:
    // the layout is still clean then, and the new view is styled and laid out once, with the
    // frame, instead of synchronously here.
    if (moveFocus && !chosen) v.h1.focus();
    // Swap: all new nodes exist, so the DOM changes below cannot leave a half-built page.
    v.h1.textContent = title;
    if (v.head) {
      v.head.replaceChildren.apply(v.head, head);
      v.el.replaceChildren.apply(v.el, parts);
    } else {
      v.el.replaceChildren.apply(v.el, head.concat(parts));
    }
    if (v.titleSuffix != null) v.title = title + v.titleSuffix;
    v.hash = hash;
    v.answers = answers;
    v.kept = kept;
    if (!moveFocus) return;
    v.live.textContent = progress.textContent + ": " + title +
      (chosen ? ". Your answer before is selected." : "");
    // A remembered answer is new in the page: it can only take the focus after the swap.
    if (chosen) chosen.focus();
  }

  function showTitle(v) {
    if (v.title != null) document.title = v.title;
  }

  // The new fragment joins the history once the step is on screen: pushState costs a
  // millisecond or more, and the reader is waiting for the next question, not the address bar.
  // The title follows the push, so each history entry keeps its own question's title.
  var pending = null;
  function flushHistory() {
    if (pending === null) return;
    var step = pending;
    pending = null;
    history.pushState(null, "", step.hash);
    showTitle(step);
  }

  function go(v, answers, kept) {
    renderQuestion(v, answers, kept, true);
    pending = { hash: v.hash, title: v.title };
    setTimeout(flushHistory, 50); // after the next frame has been painted
  }

  function onClick(v, ev) {
    if (ev.defaultPrevented || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var t = ev.target.closest("a[data-option], a[data-change], a[data-checklist-none], button[data-back]");
    if (!t || !(v.el.contains(t) || (v.head && v.head.contains(t)))) return;
    // The last step keeps its history entry, whether this click answers in place or leaves.
    flushHistory();
    var answers = v.answers, kept = v.kept;
    if (t.hasAttribute("data-back")) {
      if (!answers.length) return;
      remember(answers);
      var gs = groups(v.guide, answers);
      go(v, answers.slice(0, gs[gs.length - 1].start), kept); // a checklist steps back as one
    } else if (t.hasAttribute("data-checklist-none")) {
      var s0 = parse(t.getAttribute("href"));
      if (!s0.has) return; // the route ends at an outcome: the real link loads it
      go(v, s0.a, kept);
    } else if (t.hasAttribute("data-change")) {
      var s = parse(t.getAttribute("href"));
      remember(s.k);
      go(v, follow(v.guide, v.root, s.a).path, s.k);
    } else {
      var i = +t.getAttribute("data-option");
      var id = follow(v.guide, v.root, answers).node;
      memory[id] = i;
      var step = ahead(v, answers, kept, id, i);
      if (v.guide.nodes[step.node].type !== "question") return; // real link, to the outcome
      go(v, step.answers, step.kept);
    }
    // Only now, with the new view in place, stop the link from loading the next page.
    ev.preventDefault();
    ev.stopPropagation();
  }

  function fromLocation(v, moveFocus) {
    if (location.hash === v.hash) return;
    // The view stays as it is; an empty fragment (the first entry of the visit) is the start.
    if (location.hash.length > 1 && !isStep(location.hash)) return;
    var s = parse(location.hash);
    remember(s.a);
    remember(s.k);
    var walk = follow(v.guide, v.root, s.a);
    // A fragment that already reaches an outcome shows the last question, not a dead page.
    if (v.guide.nodes[walk.node].type !== "question") walk.path.pop();
    renderQuestion(v, walk.path, s.k, moveFocus);
    showTitle(v);
  }

  function setupQuestion(root, guide, site, jsonUrl, node) {
    var h1 = document.querySelector("article h1, .md-content h1");
    if (!h1) return;
    var v = {
      el: root, h1: h1, path: location.pathname, guide: guide, site: site, far: depths(guide),
      head: document.querySelector("[data-guide-head]"),
      root: node,
      hash: null, answers: [], kept: [], live: el("p", "botb-sr botb-live"),
      titleSuffix: document.title.indexOf(h1.textContent.replace(/¶$/, "").trim()) === 0
        ? document.title.slice(h1.textContent.replace(/¶$/, "").trim().length) : null
    };
    v.live.setAttribute("aria-live", "polite");
    v.live.setAttribute("role", "status");
    h1.tabIndex = -1;
    fromLocation(v, parse(location.hash).has);
    root.after(v.live);
    var click = function (ev) {
      try { onClick(v, ev); } catch (e) { /* leave the real link to work */ }
    };
    root.addEventListener("click", click);
    if (v.head) v.head.addEventListener("click", click);
    root.addEventListener("submit", function (ev) {
      var form = ev.target.closest("form[data-checklist]");
      if (!form) return;
      ev.preventDefault();
      flushHistory();
      var first = v.guide.nodes[form.getAttribute("data-checklist")];
      var ticked = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (b) { ticked[b.name] = 1; });
      var r = checklistAnswers(v, first, ticked);
      var answers = v.answers.concat(r.answers);
      if (v.guide.nodes[r.next].type === "question") go(v, answers, v.kept);
      else location.href = nodeUrl(v, r.next) + format(answers);
    });
    view = v;
    root.setAttribute("data-enhanced", ""); // answers now render in place (tests, benchmark)
  }

  function setupOutcome(root, guide, site, id) {
    var s = parse(location.hash);
    var first = s.a.length ? s.a[0][0] : null;
    var walk = first ? follow(guide, first, s.a) : null;
    var box = root.querySelector("[data-answers]");
    if (walk && walk.node === id && walk.path.length && box) {
      var v = { guide: guide, site: site };
      var list = summary(v, walk.path, nodeUrl(v, first));
      var label = box.querySelector("summary");
      if (label) {
        box.replaceChildren(label, list); // collapsed by default: the options come first
      } else {
        var h = el("h2", null, "Your answers");
        h.id = "botb-answers-h";
        box.setAttribute("aria-labelledby", h.id);
        box.replaceChildren(h, list);
      }
      box.hidden = false;
      remember(walk.path);
      var known = root.querySelector("[data-facts]");
      var said = facts(guide, walk.path);
      if (said.length) {
        var list = el("ul");
        said.forEach(function (f) { list.appendChild(el("li", null, f)); });
        var factBox = el("div", "botb-facts");
        factBox.setAttribute("data-facts", "");
        factBox.appendChild(el("p", null, "From your answers:"));
        factBox.appendChild(list);
        if (known) known.replaceWith(factBox);
        else box.after(factBox);
      }
    }
    var print = root.querySelector("[data-print]");
    if (print) {
      print.addEventListener("click", function () { window.print(); });
      print.hidden = false;
    }
    var form = root.querySelector("form[data-values]");
    if (form) setupValues(root, form);
    printRoot = root;
    root.setAttribute("data-enhanced", ""); // answers, values and print are wired (tests)
  }

  var printRoot = null; // the outcome on screen; one listener for the whole visit
  window.addEventListener("beforeprint", function () {
    if (printRoot && printRoot.isConnected) beforePrint(printRoot);
  });

  // The values step: ticks live in the fragment beside the answers (`&v=...&r=...`), are
  // restored on reload and mark, never hide, the options whose facts fit them.
  var TICKS = { v: 1, r: 1 };

  function ticksIn(hash) {
    var out = { v: [], r: [] };
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var m = /^([vr])=([a-z0-9,-]*)$/.exec(part);
      if (m) out[m[1]] = m[2].split(",").filter(Boolean);
    });
    return out;
  }

  function withTicks(hash, ticks) {
    var parts = hash.replace(/^#/, "").split("&").filter(function (part) {
      return part && !TICKS[part.split("=")[0]];
    });
    ["v", "r"].forEach(function (k) { if (ticks[k].length) parts.push(k + "=" + ticks[k].join(",")); });
    return parts.length ? "#" + parts.join("&") : location.pathname;
  }

  function setupValues(root, form) {
    var ticks = ticksIn(location.hash);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = ticks[box.name].indexOf(box.value) >= 0;
    });
    mark(root, form);
    form.addEventListener("change", function () {
      var now = { v: [], r: [] };
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (box) {
        if (now[box.name]) now[box.name].push(box.value);
      });
      history.replaceState(history.state, "", withTicks(location.hash, now));
      mark(root, form);
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  }

  function mark(root, form) {
    var labels = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=v]:checked"), function (box) {
      var label = form.querySelector("label[for='" + box.id + "']");
      labels[box.value] = label ? label.textContent : box.value;
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-choice]"), function (card) {
      var fit = (card.getAttribute("data-fits") || "").split(" ").filter(function (id) { return labels[id]; });
      card.classList.toggle("botb-choice--fits", fit.length > 0);
      var note = card.querySelector("[data-fits-note]");
      if (!note) return;
      if (!note.hasAttribute("data-base")) note.setAttribute("data-base", note.textContent);
      note.textContent = note.getAttribute("data-base") + ": " + fit.map(function (id) { return labels[id]; }).join(", ");
      note.hidden = !fit.length;
    });
  }

  // The printed sheet: links written out in full, the day it was printed, answers open.
  function beforePrint(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (/^(#|tel:|mailto:)/.test(href) || a.hasAttribute("data-clear")) return;
      a.setAttribute("data-print-url", a.href);
    });
    var day = root.querySelector("[data-printed-on]");
    if (day) {
      day.textContent = "Printed on " + new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" }) + ".";
      day.hidden = false;
    }
    Array.prototype.forEach.call(root.querySelectorAll("details"), function (d) { d.open = true; });
  }

  // In-page links (the skip link above all) move the focus without touching the address,
  // whose fragment holds the answers: keyboard and screen reader users keep their place.
  function onInPageLink(ev) {
    if (ev.defaultPrevented || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (!isStep(location.hash)) return; // no answers to keep: the browser does as usual
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (!a || isStep(a.getAttribute("href"))) return;
    var target = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!target) return;
    ev.preventDefault();
    if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.focus();
  }

  function init() {
    view = null;
    var root = document.querySelector("[data-guide-root]");
    if (!root || !window.fetch || !window.URL || !root.replaceChildren) return;
    document.removeEventListener("click", onInPageLink);
    document.addEventListener("click", onInPageLink);
    var jsonUrl = new URL(root.getAttribute("data-guide-json"), location.href).href;
    var here = location.pathname;
    load(jsonUrl).then(function (guide) {
      if (location.pathname !== here || !root.isConnected) return; // the reader moved on
      var site = new URL("../", jsonUrl).href;
      var type = root.getAttribute("data-type");
      var id = root.getAttribute("data-node");
      if (type === "outcome" && guide.nodes[id]) return setupOutcome(root, guide, site, id);
      if (type === "question" && guide.nodes[id]) return setupQuestion(root, guide, site, jsonUrl, id);
      // The start page answers in place only when its fragment already holds answers.
      if (parse(location.hash).has) setupQuestion(root, guide, site, jsonUrl, guide.start);
    }).catch(function () { /* the static page stays as it is */ });
  }

  function onHistory() {
    pending = null; // the reader moved through the history: the page follows the address
    if (!view || !view.el.isConnected || view.path !== location.pathname) return;
    try { fromLocation(view, true); } catch (e) { /* the static links still work */ }
  }
  window.addEventListener("popstate", onHistory);
  window.addEventListener("hashchange", onHistory);

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

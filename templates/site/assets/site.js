/* The online board's only script: the 核验 banner, the search and the code lookup.
   Every page works without it; it reads files of this site only and sends nothing. */
(function () {
  "use strict";

  function param(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(window.location.search);
    if (!match) { return null; }
    try { return decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return null; }
  }

  /* A code as a villager may type it: any case, dashes or spaces, O for 0, I or L for 1. */
  function readCode(typed) {
    return typed.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  }

  function shownCode(code) { return code.slice(0, 4) + "-" + code.slice(4); }

  function say(banner, kind, status, text, link) {
    banner.className = "banner " + kind;
    banner.textContent = "";
    var strong = document.createElement("strong");
    strong.className = "status";
    strong.textContent = status;
    banner.appendChild(strong);
    banner.appendChild(document.createTextNode(text));
    if (link) {
      var a = document.createElement("a");
      a.href = link[1];
      a.textContent = link[0];
      banner.appendChild(a);
    }
    banner.hidden = false;
  }

  /* Item page: which version the scanned poster shows (?v=<核验码>). */
  function itemBanner() {
    var data = document.getElementById("versions-data");
    var banner = document.getElementById("check-banner");
    var typed = param("v");
    if (!data || !banner || typed === null) { return; }
    var info = JSON.parse(data.textContent);
    var code = readCode(typed);
    var found = null;
    for (var i = 0; i < info.versions.length; i++) {
      if (info.versions[i].code === code) { found = info.versions[i]; }
    }
    if (!found) {
      say(banner, "unknown", "未知：本站没有核验码为 " + shownCode(code) + " 的版本",
          "这张海报可能被改动过，或不是本镇发布的。请以本页内容为准，并向村务监督委员会或乡镇反映。");
    } else if (info.withdrawn) {
      say(banner, "withdrawn", "已撤回：这张海报的事项已经撤回",
          "核验码 " + shownCode(code) + " 的版本曾经公开，现已撤回，不再有效。");
    } else if (found.code === info.current) {
      say(banner, "current", "现行：这张海报是审核通过的现行版本",
          "核验码 " + shownCode(code) + "，" + found.posted + "公开。请再对照海报内容与下文是否一致。");
    } else {
      say(banner, "superseded", "已被取代：这张海报不是最新版本",
          "核验码 " + shownCode(code) + " 的版本已由核验码 " + shownCode(info.current) +
          " 的新版本取代；请以下文（现行版本）为准。");
    }
  }

  /* Check page: a typed code leads to its item's page. */
  function checkPage() {
    var form = document.getElementById("check-form");
    var banner = document.getElementById("check-banner");
    var typed = param("v");
    if (!form || !banner || typed === null || !window.NB_CODES) { return; }
    document.getElementById("code").value = typed;
    var code = readCode(typed);
    var target = window.NB_CODES[code];
    if (target) {
      window.location.href = target + "?v=" + code;
      say(banner, "info", "已找到", "正在打开该事项……", ["点此打开", target + "?v=" + code]);
    } else {
      say(banner, "unknown", "未知：本站没有核验码为 " + shownCode(code) + " 的版本",
          "请核对是否输错；如果没有输错，这张海报可能被改动过，或不是本镇发布的。");
    }
  }

  /* Search page: every word typed must appear in the item (title, village or text). */
  function normalise(text) {
    return (text.normalize ? text.normalize("NFKC") : text).toLowerCase();
  }

  function snippet(text, word) {
    var at = normalise(text).indexOf(word);
    var start = Math.max(0, at - 20);
    return { before: (start > 0 ? "…" : "") + text.slice(start, at),
             hit: text.slice(at, at + word.length), after: text.slice(at + word.length, at + word.length + 40) + "…" };
  }

  function searchPage() {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var typed = param("q");
    if (!list || !status || !window.NB_INDEX || typed === null) { return; }
    document.getElementById("q").value = typed;
    var words = normalise(typed).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (!words.length) { return; }
    var hits = [];
    window.NB_INDEX.forEach(function (item) {
      var haystack = normalise(item.t + " " + item.v + " " + item.b + " " + item.p + " " + item.x);
      var all = words.every(function (w) { return haystack.indexOf(w) >= 0; });
      if (all) {
        var inTitle = words.filter(function (w) { return normalise(item.t).indexOf(w) >= 0; }).length;
        hits.push({ item: item, score: inTitle });
      }
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length ? "找到 " + hits.length + " 项" : "没有找到包含「" + typed + "」的公开事项";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.item.u;
      a.textContent = hit.item.t;
      li.appendChild(a);
      var where = document.createElement("span");
      where.className = "when";
      where.textContent = " " + hit.item.v + " · " + hit.item.b + " · " + hit.item.p + (hit.item.s ? " · " + hit.item.s : "");
      li.appendChild(where);
      var body = normalise(hit.item.x);
      var word = words.filter(function (w) { return body.indexOf(w) >= 0; })[0];
      if (word) {
        var piece = snippet(hit.item.x, word);
        var span = document.createElement("span");
        span.className = "snippet";
        span.appendChild(document.createTextNode(piece.before));
        var mark = document.createElement("mark");
        mark.textContent = piece.hit;
        span.appendChild(mark);
        span.appendChild(document.createTextNode(piece.after));
        li.appendChild(span);
      }
      list.appendChild(li);
    });
  }

  itemBanner();
  checkPage();
  searchPage();
}());

/* Back on the Bike: Material's site search, loaded when a reader first searches.
 *
 * Material starts its search worker and downloads the whole search index on every page load:
 * about 100 KB gzipped, more than the rest of a page together, for a box most readers never
 * use (often on a phone on a slow connection). main.html points Material at this worker
 * instead. It speaks Material's worker protocol (SETUP, READY, QUERY, RESULT) and only on the
 * first real query fetches the index and loads Material's own engine (named at the end of
 * this script's query string) into this worker, then hands it the queries.
 */
"use strict";

(() => {
  const SETUP = 0;
  const READY = 1;
  const QUERY = 2;
  const RESULT = 3;

  // "?suggest&search.<hash>.min.js": whether search.suggest is on, then Material's engine.
  const settings = location.search.slice(1).split("&");
  const engineName = settings[settings.length - 1];
  const suggest = settings.includes("suggest");
  // Material's hashed file name; anything else would mean main.html and this file disagree.
  const engineIsValid = /^search\.[0-9a-f]+\.min\.js$/.test(engineName);
  const indexUrl = new URL("../../../search/search_index.json", location.href).href;
  const send = self.postMessage.bind(self);
  const waiting = [];
  let state = "idle"; // idle -> loading -> ready (or back to idle when loading failed)

  const noResults = { type: RESULT, data: { items: [] } };

  // The engine listens on this worker's "message" event; untrusted events are ours.
  const handOver = (message) => self.dispatchEvent(new MessageEvent("message", { data: message }));

  const giveUp = (error) => {
    state = "idle";
    console.warn("Search could not load its index:", error);
    for (const message of waiting.splice(0)) if (message.type === QUERY) send(noResults);
  };

  const load = () => {
    state = "loading";
    if (!engineIsValid) {
      giveUp(new Error(`unexpected engine name ${JSON.stringify(engineName)}`));
      return;
    }
    fetch(indexUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${indexUrl}`);
        return response.json();
      })
      .then((index) => {
        // The engine answers SETUP with READY once its index is built. Material has had a
        // READY already (below), so swallow this one and release the queries that waited.
        self.postMessage = (message) => {
          if (!message || message.type !== READY) {
            send(message);
            return;
          }
          self.postMessage = send;
          state = "ready";
          for (const waited of waiting.splice(0)) handOver(waited);
        };
        importScripts(engineName);
        handOver({
          type: SETUP,
          data: { config: index.config, docs: index.docs, options: { suggest } },
        });
      })
      .catch(giveUp);
  };

  addEventListener("message", (event) => {
    if (state === "ready" || !event.isTrusted) return;
    const message = event.data;
    // Material queries the empty box as soon as search is ready: no reason to load for that.
    const empty = message.type === QUERY && !String(message.data).trim();
    if (state === "idle" && empty) {
      send(noResults);
      return;
    }
    waiting.push(message); // kept in order, so a cleared box never shows stale results
    if (state === "idle") load();
  });

  // Ready from Material's point of view: it may now send queries, which start the loading.
  send({ type: READY });
})();

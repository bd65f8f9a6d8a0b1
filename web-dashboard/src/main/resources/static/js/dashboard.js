// Convenience only: everything works without it (the page is rendered on the server, with a refresh button).
(function () {
    const select = document.getElementById('class-filter');
    if (select) {
        select.addEventListener('change', () => select.form.submit());
    }
})();

// Keeps the open dashboard current: when a product enters, leaves or changes class (the server's risk event
// stream), re-reads the counts, the table and the pager with the page's own filters and swaps them in place.
(function () {
    const status = document.getElementById('live-status');
    if (!status || !window.EventSource || !window.fetch) {
        return;
    }
    const AT_MOST_EVERY_MS = 1000;
    const LIVE_PARTS = ['section.counts', '#total', '#at-risk', '#pages'];
    let lastRead = 0;
    let pending = null;
    let changedWhilePending = false;
    let opened = false;

    function show(state, text) {
        status.hidden = false;
        status.className = 'live-status ' + state;
        status.textContent = text;
    }

    async function reread() {
        const query = new URLSearchParams(location.search);
        query.set('fragment', 'live');
        const response = await fetch(location.pathname + '?' + query, {headers: {Accept: 'text/html'}});
        if (!response.ok || response.redirected) { // redirected: to the login page, the session has ended
            show('offline', 'offline: reload the page');
            return;
        }
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
        for (const selector of LIVE_PARTS) {
            const now = document.querySelector(selector);
            const next = fresh.querySelector(selector);
            if (now && next) {
                now.replaceWith(next);
            }
        }
    }

    // the first change is shown at once; what follows within the second is read together at its end
    function changed() {
        if (pending) {
            changedWhilePending = true;
            return;
        }
        pending = setTimeout(() => {
            lastRead = Date.now();
            changedWhilePending = false;
            reread().catch(() => show('offline', 'offline: reload the page')).finally(() => {
                pending = null;
                if (changedWhilePending) {
                    changed(); // came while the last read was under way: it may not hold it
                }
            });
        }, Math.max(0, lastRead + AT_MOST_EVERY_MS - Date.now()));
    }

    const events = new EventSource(status.dataset.events);
    events.addEventListener('risk', changed);
    events.addEventListener('open', () => {
        show('on', 'live');
        if (opened) {
            changed(); // back after a break: what happened meanwhile was missed
        }
        opened = true;
    });
    events.addEventListener('error', () => {
        // EventSource retries by itself while it can; closed means it gave up (e.g. signed out)
        show('offline', events.readyState === EventSource.CLOSED ? 'offline: reload the page' : 'reconnecting…');
    });
})();

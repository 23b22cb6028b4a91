/*
 * The unit page's side of an H5P activity (lms/blocks.py H5PActivityBlock).
 *
 * The player runs in <iframe sandbox="allow-scripts"> with an opaque
 * origin (media/h5p_player.py, media/js/h5p-frame.js): it has no session,
 * so this page sends what it reports to the learning record store, as the
 * learner, after putting the block's activity IRI on it.
 *
 * Messages carry chainon: 'h5p' and a type (see h5p-frame.js for the full
 * list).  This page accepts them only from its own iframe's window with
 * origin 'null' (the sandbox), and answers:
 *   hello  → init {state, activityId}: the saved state from the xAPI State
 *            API (stateId 'h5p-user-data'; 404 means a first visit);
 *   xapi   → POST /xapi/statements: object.id becomes the block's IRI
 *            (sub-content: IRI?subContentId=…, the block as parent), the
 *            unit goes in context grouping, the actor is the learner's
 *            agent rendered in the page (the server forces it too);
 *   state  → POST {"state": …, "version": …} to the State API (a JSON merge
 *            needs no precondition), debounced, flushed when the tab hides;
 *   height → the iframe's height, so the activity needs no inner scrolling.
 */

const CHAINON = 'h5p';
const STATE_ID = 'h5p-user-data';
const XAPI_VERSION = '2.0.0';
const SUB_CONTENT_ID = 'http://h5p.org/x-api/h5p-subContentId';
const SAVE_DELAY_MS = 1500;
const RETRY_DELAYS_MS = [1000, 4000, 15000];
const START_TIMEOUT_MS = 30000;
const KEEPALIVE_LIMIT = 60000; // browsers cap keepalive bodies at 64 KiB
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 20000;

function newId() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') {
    return window.crypto.randomUUID();
  }
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function activityList(value) {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function addActivity(activities, key, iri) {
  const list = activityList(activities[key]);
  if (!list.some((item) => item.id === iri)) list.push({objectType: 'Activity', id: iri});
  activities[key] = list;
}

function subContentIri(blockIri, subContentId) {
  return `${blockIri}?subContentId=${encodeURIComponent(String(subContentId))}`;
}

/** A parent H5P named from its own object IRI, renamed from the block's. */
function parentIri(blockIri, id) {
  const match = /[?&]subContentId=([^&#]+)/.exec(typeof id === 'string' ? id : '');
  return match ? subContentIri(blockIri, decodeURIComponent(match[1])) : blockIri;
}

/**
 * The statement to store for one H5P statement, or null when it is not
 * about an activity.  Pure; exported for tests.
 */
export function rewriteStatement(original, blockIri, unitIri, agent) {
  const statement = JSON.parse(JSON.stringify(original));
  // The learner as Chaînon names them (H5P's own actor is a made-up one in
  // the sandbox); the server checks it is the session's learner anyway.
  // A fresh id makes a retried POST idempotent.
  statement.actor = agent;
  delete statement.authority;
  delete statement.stored;
  delete statement.version;
  statement.id = newId();
  const object = isObject(statement.object) ? statement.object : {};
  if (object.objectType && object.objectType !== 'Activity') return null;
  object.objectType = 'Activity';
  statement.object = object;
  const definition = isObject(object.definition) ? object.definition : {};
  const extensions = isObject(definition.extensions) ? definition.extensions : {};
  const subContentId = extensions[SUB_CONTENT_ID];
  const context = isObject(statement.context) ? statement.context : {};
  statement.context = context;
  const activities = isObject(context.contextActivities) ? context.contextActivities : {};
  context.contextActivities = activities;
  if (subContentId !== undefined && subContentId !== null && String(subContentId) !== '') {
    // One question of the activity: its own IRI under the block's, inside
    // the block (or inside the part of it H5P named as parent).
    object.id = subContentIri(blockIri, subContentId);
    const parents = activityList(activities.parent).map((parent) => (
      {...parent, objectType: 'Activity', id: parentIri(blockIri, parent.id)}
    ));
    activities.parent = parents.length ? parents : [{objectType: 'Activity', id: blockIri}];
    if (!activities.parent.some((parent) => parent.id === blockIri)) {
      addActivity(activities, 'grouping', blockIri);
    }
  } else {
    // The whole activity.  No parent: the progress rules read an
    // "answered" with a parent as one question of something larger.
    object.id = blockIri;
    delete activities.parent;
  }
  if (unitIri) addActivity(activities, 'grouping', unitIri);
  return statement;
}

function stateUrl(base, activityId, agent) {
  const params = new URLSearchParams({
    activityId,
    agent: JSON.stringify(agent),
    stateId: STATE_ID,
  });
  return `${base}?${params}`;
}

function wait(ms) {
  return new Promise((resolve) => { window.setTimeout(resolve, ms); });
}

function setup(root) {
  root.dataset.h5pBound = 'true';
  const iframe = root.querySelector('iframe');
  const status = root.querySelector('.h5p-activity__status');
  if (!iframe) return;
  iframe.style.border = '0';
  iframe.style.width = '100%';
  iframe.style.display = 'block';

  const blockIri = root.dataset.activityId || '';
  const unitIri = root.dataset.unitActivityId || '';
  const version = root.dataset.contentVersion || '';
  const agentScript = root.dataset.agentScript
    ? document.getElementById(root.dataset.agentScript) : null;
  const agent = agentScript ? JSON.parse(agentScript.textContent) : null;
  const tracking = Boolean(agent && blockIri && root.dataset.statementsUrl);
  const headers = {
    'X-Experience-API-Version': XAPI_VERSION,
    'X-CSRFToken': root.dataset.csrfToken || '',
  };
  const documentUrl = tracking ? stateUrl(root.dataset.stateUrl, blockIri, agent) : '';

  function say(message) {
    if (status) status.textContent = message || '';
  }

  // -- Saved state --------------------------------------------------------
  let loaded = null; // the promise of the stored state
  let latest; // the newest state the frame reported (undefined: none yet)
  let savingAllowed = false;
  let pending = false;
  let pendingState = null;
  let saveTimer = 0;

  async function fetchState() {
    if (!tracking) return null;
    try {
      const response = await fetch(documentUrl, {
        headers: {'X-Experience-API-Version': XAPI_VERSION},
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.status === 404) {
        savingAllowed = true;
        return null;
      }
      if (!response.ok) return null; // never overwrite a state we could not read
      const stored = await response.json();
      savingAllowed = true;
      // A state saved for other content (the package was replaced) would
      // not fit it: start afresh.
      if (isObject(stored) && typeof stored.state === 'string'
          && (!stored.version || stored.version === version)) {
        return stored.state;
      }
      return null;
    } catch (error) {
      return null;
    }
  }

  async function saveState(leaving) {
    window.clearTimeout(saveTimer);
    if (!pending) return;
    pending = false;
    const state = pendingState;
    const body = JSON.stringify({state, version});
    try {
      const response = await fetch(documentUrl, {
        method: 'POST',
        credentials: 'same-origin',
        keepalive: leaving && body.length < KEEPALIVE_LIMIT,
        headers: {...headers, 'Content-Type': 'application/json'},
        body,
      });
      if (!response.ok && response.status >= 500) throw new Error(String(response.status));
    } catch (error) {
      if (!leaving && !pending) {
        pending = true;
        pendingState = state;
        say(root.dataset.messageNotSaved);
        saveTimer = window.setTimeout(() => saveState(false), RETRY_DELAYS_MS[1]);
      }
    }
  }

  function stateChanged(state) {
    latest = state;
    if (!tracking || !savingAllowed) return;
    pending = true;
    pendingState = state;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => saveState(false), SAVE_DELAY_MS);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveState(true);
  });
  window.addEventListener('pagehide', () => saveState(true));

  // -- Statements ---------------------------------------------------------
  let queue = Promise.resolve();

  async function sendStatement(statement) {
    const body = JSON.stringify(statement);
    for (let attempt = 0; ; attempt += 1) {
      let response = null;
      try {
        response = await fetch(root.dataset.statementsUrl, {
          method: 'POST',
          credentials: 'same-origin',
          keepalive: body.length < KEEPALIVE_LIMIT,
          headers: {...headers, 'Content-Type': 'application/json'},
          body,
        });
      } catch (error) {
        response = null;
      }
      if (response && response.ok) {
        if (status && status.textContent === root.dataset.messageNotSaved) say('');
        return;
      }
      // Refused (400, 403…): sending it again would not change the answer.
      if (response && response.status < 500 && response.status !== 429) {
        window.console.warn('H5P statement refused by the LRS', response.status);
        return;
      }
      if (attempt >= RETRY_DELAYS_MS.length) {
        say(root.dataset.messageNotSaved);
        return;
      }
      await wait(RETRY_DELAYS_MS[attempt]);
    }
  }

  function statementReported(original) {
    if (!tracking || !isObject(original)) return;
    const statement = rewriteStatement(original, blockIri, unitIri, agent);
    if (statement) queue = queue.then(() => sendStatement(statement));
  }

  // -- The frame ----------------------------------------------------------
  let startTimer = 0;
  let started = false;

  function post(message) {
    // The sandboxed document's origin is opaque: it cannot be named as a
    // target, hence '*'.  Only ping and init go this way.
    if (iframe.contentWindow) {
      iframe.contentWindow.postMessage({...message, chainon: CHAINON}, '*');
    }
  }

  async function hello() {
    if (!loaded) loaded = fetchState();
    const stored = await loaded;
    const state = latest !== undefined ? latest : stored;
    post({type: 'init', state, activityId: blockIri});
  }

  function expectReady() {
    if (started) return;
    window.clearTimeout(startTimer);
    startTimer = window.setTimeout(() => {
      if (!started) say(root.dataset.messageError);
    }, START_TIMEOUT_MS);
  }

  function resize(height) {
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    const clamped = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
    iframe.style.height = `${clamped}px`;
  }

  window.addEventListener('message', (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== 'null') return;
    const data = event.data;
    if (!isObject(data) || data.chainon !== CHAINON) return;
    switch (data.type) {
      case 'hello':
        hello();
        break;
      case 'ready':
        started = true;
        window.clearTimeout(startTimer);
        say('');
        break;
      case 'error':
        started = true;
        window.clearTimeout(startTimer);
        say(root.dataset.messageError);
        break;
      case 'height':
        resize(data.height);
        break;
      case 'xapi':
        statementReported(data.statement);
        break;
      case 'state':
        if (typeof data.state === 'string' || data.state === null) stateChanged(data.state);
        break;
      default:
        break;
    }
  });

  // The frame says hello when its script starts; if that was before this
  // module ran, a ping makes it say hello again.  A frame that never
  // answers (blocked, offline) shows the error after a while.
  iframe.addEventListener('load', () => {
    post({type: 'ping'});
    expectReady();
  });
  post({type: 'ping'});
}

document.querySelectorAll('[data-h5p-activity]:not([data-h5p-bound])').forEach(setup);

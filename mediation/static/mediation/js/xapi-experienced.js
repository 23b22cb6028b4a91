/*
 * "The learner experienced this resource": one xAPI statement, sent to the
 * learning record store the first time a viewer is opened (a video played,
 * a panorama started, a model turned, an image zoomed).
 *
 * The mediation room knows nothing of courses: a unit that embeds a
 * resource hands its viewers what they need as data attributes on the
 * viewers' element (resource_viewers.html): the activity IRI of the
 * embedding, the statements URL, the CSRF token and the id of a JSON
 * script element holding the learner's agent.  Without all of them (a
 * public resource page, an anonymous reader) nothing is recorded.
 *
 * Sent as lms/static/lms/js/h5p-bridge.js sends H5P's statements: POST,
 * same-origin credentials, xAPI 2.0.0, a fresh statement id so that a
 * retry after a network failure is stored once.
 */

const XAPI_VERSION = '2.0.0';
export const EXPERIENCED = 'http://adlnet.gov/expapi/verbs/experienced';
const MEDIA_ACTIVITY = 'http://adlnet.gov/expapi/activities/media';
const RETRY_DELAYS_MS = [1000, 4000, 15000];

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

/** The statement itself; pure, exported for tests. */
export function experiencedStatement({agent, activityId, title, language}) {
  const definition = {type: MEDIA_ACTIVITY};
  if (title) definition.name = {[language || 'und']: title};
  return {
    id: newId(),
    actor: agent,
    verb: {id: EXPERIENCED, display: {'en-US': 'experienced'}},
    object: {objectType: 'Activity', id: activityId, definition},
    timestamp: new Date().toISOString(),
  };
}

function wait(ms) {
  return new Promise((resolve) => { window.setTimeout(resolve, ms); });
}

async function post(url, csrfToken, statement) {
  const body = JSON.stringify(statement);
  for (let attempt = 0; ; attempt += 1) {
    let response = null;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        keepalive: true,
        headers: {
          'X-Experience-API-Version': XAPI_VERSION,
          'Content-Type': 'application/json',
          'X-CSRFToken': csrfToken || '',
        },
        body,
      });
    } catch (error) {
      response = null;
    }
    if (response && response.ok) return true;
    // Refused (400, 403…): sending it again would not change the answer.
    if (response && response.status < 500 && response.status !== 429) {
      window.console.warn('Statement refused by the LRS', response.status);
      return false;
    }
    if (attempt >= RETRY_DELAYS_MS.length) return false;
    await wait(RETRY_DELAYS_MS[attempt]);
  }
}

function readAgent(id) {
  const element = id ? document.getElementById(id) : null;
  if (!element) return null;
  try {
    return JSON.parse(element.textContent);
  } catch (error) {
    return null;
  }
}

/**
 * A function to call whenever the learner opens or uses a viewer of
 * ``root``: the first call sends the statement, later calls do nothing.
 * ``root.dataset.xapiExperienced`` tells how it went (sent / failed).
 */
export function experiencedReporter(root) {
  const data = root.dataset;
  const agent = readAgent(data.agentScript);
  if (!data.activityId || !data.statementsUrl || !agent) return () => {};
  let done = false;
  return function report() {
    if (done) return;
    done = true;
    const statement = experiencedStatement({
      agent,
      activityId: data.activityId,
      title: data.resourceTitle,
      language: data.resourceLanguage,
    });
    data.xapiExperienced = 'sending';
    post(data.statementsUrl, data.csrfToken, statement).then((ok) => {
      data.xapiExperienced = ok ? 'sent' : 'failed';
    });
  };
}

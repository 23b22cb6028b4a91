/*
 * The viewers of a mediation resource (mediation/includes/resource_viewers.html).
 *
 * The page works without this script: images and panoramas are plain
 * images, audio and video are the browser's players, transcripts are
 * shown.  The script adds, per media item:
 *   image     → OpenSeadragon (zoom and pan, keyboard on its canvas, our
 *               own buttons instead of its unlabeled image buttons);
 *   panorama  → Pannellum, started by a button (nothing heavy is fetched
 *               before the visitor asks), focused so the arrow keys work;
 *   model     → <model-viewer> (camera controls, AR, the iOS USDZ file);
 *   video, audio → the transcript toggle, and "experienced" on play;
 *   h5p       → the H5P player frame (media/js/h5p-frame.js) told to start.
 * The libraries are loaded from Chaînon's static files when a viewer of
 * their kind starts, never from a CDN: <model-viewer>'s decoders of
 * compressed models are pointed at our copies before it loads.
 *
 * A resource with a flashing or motion hazard shows a warning in place of
 * each viewer; the viewer is revealed and started only after its "Show
 * the content" button is pressed.
 *
 * No inline script or style anywhere, so it runs under the unit pages'
 * strict Content-Security-Policy: data comes from data attributes and a
 * JSON script element.
 */

import {experiencedReporter} from './xapi-experienced.js';

const loading = new Map();

function loadScript(url) {
  if (!loading.has(url)) {
    loading.set(url, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`${url} did not load`)));
      document.head.appendChild(script);
    }));
  }
  return loading.get(url);
}

function loadModule(url) {
  if (!loading.has(url)) loading.set(url, import(url));
  return loading.get(url);
}

function readJson(id) {
  const element = id ? document.getElementById(id) : null;
  if (!element) return {};
  try {
    return JSON.parse(element.textContent);
  } catch (error) {
    return {};
  }
}

function describe(element, figure, extra) {
  const ids = [figure.dataset.describedby, extra].filter(Boolean);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
}

/** The viewer could not start; ``say`` false when the plain image stays. */
function failed(context, error, say = true) {
  const {figure, messages} = context;
  figure.dataset.viewerState = 'failed';
  const status = figure.querySelector('[data-viewer-status]');
  if (status && say) status.textContent = messages.loadError || '';
  if (error) window.console.error(error);
}

function ready(figure) {
  figure.dataset.viewerState = 'ready';
}

// -- Zoomable image (OpenSeadragon) ---------------------------------------

// OpenSeadragon adds a <style> that removes the focus outline of its canvas
// on touch screens.  The outline must stay (WCAG 2.4.7) and a strict CSP
// refuses inline styles anyway: an inert element with the marker it looks
// for (a style of another type is never applied nor checked) keeps it out.
function keepFocusOutline() {
  if (document.querySelector('style[data-openseadragon-mobile-css]')) return;
  const marker = document.createElement('style');
  marker.type = 'text/plain';
  marker.dataset.openseadragonMobileCss = 'true';
  document.head.appendChild(marker);
}

async function startImage(context) {
  const {figure, stage, root, messages, report} = context;
  const target = stage.querySelector('[data-zoom-target]');
  const fallback = stage.querySelector('[data-viewer-fallback]');
  const controls = stage.querySelector('[data-zoom-controls]');
  const hint = stage.querySelector('[data-viewer-hint]');
  try {
    await loadScript(root.dataset.openseadragonScript);
  } catch (error) {
    failed(context, error, false); // the plain image stays
    return;
  }
  const OpenSeadragon = window.OpenSeadragon;
  if (!OpenSeadragon) return;
  keepFocusOutline();
  target.hidden = false;
  const viewer = OpenSeadragon({
    element: target,
    tileSources: {type: 'image', url: target.dataset.src},
    // Same origin on the local disk; S3 answers CORS (see the README).
    crossOriginPolicy: 'Anonymous',
    showNavigationControl: false,
    showNavigator: false,
    visibilityRatio: 1,
    constrainDuringPan: true,
    gestureSettingsMouse: {clickToZoom: false, scrollToZoom: true},
  });
  const canvas = target.querySelector('.openseadragon-canvas') || target;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', messages.imageLabel || 'image');
  canvas.setAttribute('aria-label', figure.dataset.label || messages.imageLabel || '');
  describe(canvas, figure, hint && hint.id);
  viewer.addHandler('open', () => {
    if (fallback) fallback.hidden = true;
    if (controls) controls.hidden = false;
    if (hint) hint.hidden = false;
    ready(figure);
  });
  viewer.addHandler('open-failed', (event) => {
    target.hidden = true;
    if (fallback) fallback.hidden = false;
    failed(context, new Error(event.message), false);
  });
  for (const type of ['pointerdown', 'keydown', 'wheel']) {
    target.addEventListener(type, report, {passive: true});
  }
  if (controls) {
    controls.addEventListener('click', (event) => {
      const button = event.target.closest('[data-zoom]');
      if (!button || !viewer.viewport) return;
      report();
      const action = button.dataset.zoom;
      if (action === 'in') viewer.viewport.zoomBy(1.5);
      else if (action === 'out') viewer.viewport.zoomBy(1 / 1.5);
      else viewer.viewport.goHome();
      viewer.viewport.applyConstraints();
    });
  }
  context.focusTarget = canvas;
}

// -- 360° panorama (Pannellum) --------------------------------------------

async function runPanorama(context) {
  const {figure, stage, root, messages, report} = context;
  const target = stage.querySelector('[data-panorama-target]');
  const fallback = stage.querySelector('[data-viewer-fallback]');
  const start = stage.querySelector('[data-viewer-start]');
  const hint = stage.querySelector('[data-viewer-hint]');
  report();
  if (start) start.hidden = true;
  try {
    await loadScript(root.dataset.pannellumScript);
  } catch (error) {
    failed(context, error);
    return;
  }
  if (!window.pannellum) return;
  target.hidden = false;
  if (fallback) fallback.hidden = true;
  if (hint) hint.hidden = false;
  const viewer = window.pannellum.viewer(target, {
    type: 'equirectangular',
    panorama: target.dataset.src,
    autoLoad: true,
    showControls: true,
    showZoomCtrl: true,
    showFullscreenCtrl: true,
    keyboardZoom: true,
    // The wheel scrolls the page; zoom with + and − or the buttons.
    mouseZoom: 'fullscreenonly',
    compass: false,
    crossOrigin: 'anonymous',
    strings: messages.pannellum || {},
  });
  target.setAttribute('role', 'application');
  target.setAttribute('aria-roledescription', messages.panoramaLabel || 'panorama');
  target.setAttribute('aria-label', figure.dataset.label || messages.panoramaLabel || '');
  describe(target, figure, hint && hint.id);
  viewer.on('load', () => ready(figure));
  viewer.on('error', (message) => failed(context, new Error(message)));
  target.focus();
}

function startPanorama(context, chosen) {
  const start = context.stage.querySelector('[data-viewer-start]');
  if (chosen || !start) {
    runPanorama(context);
    return;
  }
  start.hidden = false;
  start.addEventListener('click', () => runPanorama(context), {once: true});
}

// -- 3D model (<model-viewer>) ----------------------------------------------

async function startModel(context) {
  const {figure, stage, root, report} = context;
  const element = stage.querySelector('[data-model-target]');
  if (!element) return;
  // Read by each <model-viewer> as it is created: our copies of the Draco
  // and KTX2 decoders instead of Google's CDN.
  const config = window.ModelViewerElement || {};
  config.dracoDecoderLocation = root.dataset.dracoLocation;
  config.ktx2TranscoderLocation = root.dataset.ktx2Location;
  window.ModelViewerElement = config;
  element.addEventListener('load', () => ready(figure));
  element.addEventListener('error', (event) => failed(context, event.detail));
  element.addEventListener('camera-change', (event) => {
    if (event.detail && event.detail.source === 'user-interaction') report();
  });
  element.addEventListener('pointerdown', report, {passive: true});
  if (element.dataset.iosSrc) element.setAttribute('ios-src', element.dataset.iosSrc);
  element.setAttribute('src', element.dataset.src);
  try {
    await loadModule(root.dataset.modelViewerScript);
  } catch (error) {
    failed(context, error);
  }
  context.focusTarget = element;
}

// -- Audio and video ------------------------------------------------------

function startPlayers(context) {
  const {figure, stage, report} = context;
  stage.querySelectorAll('video, audio').forEach((player) => {
    player.addEventListener('play', report);
  });
  ready(figure);
}

function setupTranscripts(figure) {
  figure.querySelectorAll('[data-transcript-toggle]').forEach((button) => {
    const body = document.getElementById(button.getAttribute('aria-controls'));
    if (!body) return;
    const show = (open) => {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      body.hidden = !open;
    };
    show(false);
    button.hidden = false;
    button.addEventListener('click', () => {
      show(button.getAttribute('aria-expanded') !== 'true');
    });
  });
}

// -- H5P ----------------------------------------------------------------

function startH5P(context) {
  const {figure, stage, report} = context;
  const frame = stage.querySelector('[data-h5p-target]');
  if (!frame) return;
  const post = (message) => {
    // The sandboxed frame's origin is opaque: it cannot be named.
    if (frame.contentWindow) frame.contentWindow.postMessage({...message, chainon: 'h5p'}, '*');
  };
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== 'null') return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.chainon !== 'h5p') return;
    if (data.type === 'hello') {
      // Public pages keep no state: the activity starts afresh.
      post({type: 'init', state: null, activityId: ''});
    } else if (data.type === 'ready') {
      ready(figure);
    } else if (data.type === 'error') {
      failed(context);
    } else if (data.type === 'height' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.min(20000, Math.max(120, Math.ceil(data.height)))}px`;
    } else if (data.type === 'xapi') {
      report();
    }
  });
  frame.addEventListener('load', () => post({type: 'ping'}));
  frame.src = frame.dataset.src;
}

// -- Putting it together ------------------------------------------------------

const STARTERS = {
  image: startImage,
  panorama: startPanorama,
  model: startModel,
  video: startPlayers,
  audio: startPlayers,
  h5p: startH5P,
};

function prepare(figure, root, messages, report) {
  setupTranscripts(figure);
  const starter = STARTERS[figure.dataset.viewer];
  const stage = figure.querySelector('[data-viewer-stage]');
  if (!starter || !stage) return;
  const context = {figure, stage, root, messages, report, focusTarget: null};
  const warning = figure.querySelector('[data-hazard-warning]');
  if (!warning) {
    starter(context, false);
    return;
  }
  const button = warning.querySelector('[data-hazard-accept]');
  button.hidden = false;
  button.addEventListener('click', async () => {
    warning.hidden = true;
    stage.hidden = false;
    // The button is gone: the focus goes to what it revealed.
    stage.focus();
    report();
    await starter(context, true);
    if (context.focusTarget) context.focusTarget.focus();
  }, {once: true});
}

function setup(root) {
  root.dataset.viewersBound = 'true';
  const messages = readJson(root.dataset.messages);
  const report = experiencedReporter(root);
  root.querySelectorAll('[data-viewer]').forEach((figure) => {
    prepare(figure, root, messages, report);
  });
}

document.querySelectorAll('[data-mediation-viewers]:not([data-viewers-bound])').forEach(setup);

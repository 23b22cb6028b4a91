/*
 * The H5P player inside its sandboxed frame (media/h5p_player.py).
 *
 * The frame has an opaque origin: it cannot call the learning record store
 * with the learner's session, so it hands everything to the unit page
 * around it (lms/static/lms/js/h5p-bridge.js), which checks and sends it.
 *
 * Messages, each an object with chainon: 'h5p' and a type:
 *   frame → page  hello               listening, waiting for init
 *                 ready               the player is running
 *                 error               the player could not start
 *                 xapi   {statement}  a statement H5P emitted, as is
 *                 state  {state}      the content's saved state changed
 *                                     (a JSON string, or null once deleted)
 *                 height {height}     the content's height in CSS pixels
 *   page → frame  ping                are you there? (answered by hello)
 *                 init   {state, activityId}  start, resuming from state
 *
 * The frame posts only to the parent origin the server checked (config
 * parentOrigin) and listens only to its parent window from that origin.
 */
(function () {
  'use strict';

  // Web storage throws in a document without allow-same-origin, and H5P
  // core reads localStorage as it starts each content (its offline request
  // queue), which would stop H5P.init half-way.  A storage in memory, for
  // this page only, stands in; nothing needs to outlive the page here: the
  // saved state goes to the LRS through the unit page.
  function memoryStorage() {
    var items = new Map();
    return {
      get length() { return items.size; },
      key: function (index) { return Array.from(items.keys())[index] || null; },
      getItem: function (key) {
        return items.has(String(key)) ? items.get(String(key)) : null;
      },
      setItem: function (key, value) { items.set(String(key), String(value)); },
      removeItem: function (key) { items.delete(String(key)); },
      clear: function () { items.clear(); }
    };
  }

  ['localStorage', 'sessionStorage'].forEach(function (name) {
    try {
      if (window[name]) return;
    } catch (error) {
      // Sandboxed: replace it below.
    }
    try {
      Object.defineProperty(window, name, {value: memoryStorage(), configurable: true});
    } catch (error) {
      // Left as it is: H5P content that needs storage will fail on its own.
    }
  });

  var config = JSON.parse(document.getElementById('h5p-config').textContent);
  var parentOrigin = config.parentOrigin;
  var player = document.getElementById('h5p-player');
  var status = document.getElementById('h5p-status');
  var started = false;
  var lastState = null;
  var lastHeight = 0;

  function send(message) {
    message.chainon = 'h5p';
    window.parent.postMessage(message, parentOrigin);
  }

  function plain(value) {
    // Only JSON crosses: no functions or prototypes of H5P's objects.
    return JSON.parse(JSON.stringify(value));
  }

  function contentData() {
    var integration = window.H5PIntegration;
    return integration && integration.contents
      ? integration.contents['cid-' + config.id]
      : undefined;
  }

  // H5P core keeps the main content's state at contentUserData[0].state.
  function currentState() {
    var content = contentData();
    var data = content && content.contentUserData;
    var main = data && data[0];
    return main && typeof main.state === 'string' ? main.state : null;
  }

  function reportState() {
    var state = currentState();
    if (state !== lastState) {
      lastState = state;
      send({type: 'state', state: state});
    }
  }

  // H5P core saves through H5P.setUserData (every saveFreq seconds, after
  // "completed"/"progressed", on pagehide) and forgets through
  // H5P.deleteUserData.  Without a signed-in H5P user it keeps the value in
  // H5PIntegration only; the wrappers tell the page after each call.
  function hookUserData(H5P) {
    var setUserData = H5P.setUserData;
    var deleteUserData = H5P.deleteUserData;
    if (typeof setUserData === 'function') {
      H5P.setUserData = function () {
        var result = setUserData.apply(this, arguments);
        reportState();
        return result;
      };
    }
    if (typeof deleteUserData === 'function') {
      H5P.deleteUserData = function () {
        try {
          deleteUserData.apply(this, arguments);
        } catch (error) {
          // Core's deleteUserData calls its AJAX helper without a callback,
          // which throws when no H5P user is set; the value is already gone.
        }
        reportState();
      };
    }
  }

  // Ask every instance for its state now: the tab may be closing, and core
  // would otherwise wait for its next saveFreq tick.
  function saveNow() {
    var H5P = window.H5P;
    if (!H5P || !H5P.instances || typeof H5P.setUserData !== 'function') return;
    H5P.instances.forEach(function (instance) {
      if (typeof instance.getCurrentState !== 'function') return;
      var state = instance.getCurrentState();
      if (state !== undefined) {
        H5P.setUserData(instance.contentId, 'state', state, {deleteOnChange: true});
      }
    });
  }

  function measure() {
    var height = Math.ceil(Math.max(
      player.offsetTop + player.offsetHeight,
      status.offsetTop + status.offsetHeight
    ));
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      send({type: 'height', height: height});
    }
  }

  function watchHeight() {
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        measure();
      });
    }
    if (typeof window.ResizeObserver === 'function') {
      var observer = new window.ResizeObserver(schedule);
      observer.observe(player);
      observer.observe(document.body);
    }
    window.addEventListener('resize', schedule);
    schedule();
  }

  function fail(error) {
    status.textContent = config.messages.error;
    send({type: 'error'});
    measure();
    if (window.console) window.console.error(error);
  }

  function start(init) {
    started = true;
    lastState = typeof init.state === 'string' ? init.state : null;
    var options = {
      id: config.id,
      title: config.title,
      h5pJsonPath: config.h5pJsonPath,
      contentJsonPath: config.contentJsonPath,
      librariesPath: config.librariesPath,
      frameJs: config.frameJs,
      frameCss: config.frameCss,
      // Already in a frame of our own: no second iframe inside it.
      embedType: 'div',
      metadata: {title: config.title, license: config.license},
      // Truthy saveFreq turns on core's state saving (and restoring).
      saveFreq: config.saveFreq,
      frame: false,
      copyright: false,
      export: false,
      embed: false,
      icon: false,
      fullScreen: false,
      // In h5p-standalone 3.8, preventH5PInit: false means "do not call
      // H5P.init": this script calls it once its hooks are in place, so no
      // early statement or save is missed (see startContent).
      preventH5PInit: false
    };
    if (typeof init.activityId === 'string' && init.activityId) {
      options.xAPIObjectIRI = init.activityId;
    }
    if (lastState !== null) {
      options.contentUserData = [{state: lastState}];
    }
    var H5PStandalone = window.H5PStandalone;
    if (!H5PStandalone || typeof H5PStandalone.H5P !== 'function') {
      fail(new Error('h5p-standalone is not loaded'));
      return;
    }
    new H5PStandalone.H5P(player, options).then(startContent).catch(fail);
  }

  function startContent() {
    var H5P = window.H5P;
    var content = contentData();
    // h5p-standalone drops a minor version of 0 ("H5P.Foo 1" for 1.0),
    // which H5P core then writes into every statement's category IRI.
    if (content && config.library) content.library = config.library;
    hookUserData(H5P);
    H5P.externalDispatcher.on('xAPI', function (event) {
      var statement = event && event.data && event.data.statement;
      if (statement) send({type: 'xapi', statement: plain(statement)});
    });
    if (!player.querySelector('.h5p-initialized')) {
      H5P.preventInit = false;
      H5P.init(document.body);
    }
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') saveNow();
    });
    send({type: 'ready'});
    watchHeight();
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.chainon !== 'h5p' || started) return;
    if (data.type === 'ping') {
      send({type: 'hello'});
    } else if (data.type === 'init') {
      start(data);
    }
  });

  send({type: 'hello'});
}());

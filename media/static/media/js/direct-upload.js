// Direct uploads for Chaînon's file fields (media/forms.py, DirectUploadWidget).
//
// Choosing a file asks the server for an upload, sends the bytes straight to
// the storage (one PUT, or numbered parts for large files) and finishes it;
// the form then posts a signed token instead of the file. A dropped part is
// retried, then the user may resume: only the missing parts are sent again,
// also after a page reload (the upload's address is kept in sessionStorage).
// Every widget on the page, including ones added later (inline panels), is
// handled through delegated events.

const PARALLEL_PARTS = 3;
const RETRIES = 3;
const URL_BATCH = 20;

class UploadError extends Error {
  constructor(message, { status = 0, resumable = false } = {}) {
    super(message);
    this.status = status;
    this.resumable = resumable;
  }
}

function cookie(name) {
  const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : "";
}

function csrfToken(root) {
  const field = root.closest("form")?.querySelector("input[name=csrfmiddlewaretoken]");
  return field?.value || cookie("csrftoken");
}

function humanSize(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined, {
    maximumFractionDigits: unit ? 1 : 0,
  });
  return `${format.format(value)} ${units[unit]}`;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// sessionStorage may be unavailable (private modes); resuming after a
// reload is then simply not offered.
const saved = {
  get(key) {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      sessionStorage.setItem(key, value);
    } catch {
      // Nothing to remember with.
    }
  },
  forget(key) {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing was remembered.
    }
  },
};

class DirectUpload {
  constructor(root) {
    this.root = root;
    this.input = root.querySelector("[data-direct-upload-input]");
    this.token = root.querySelector("[data-direct-upload-token]");
    this.progressBox = root.querySelector("[data-direct-upload-progress]");
    this.progress = this.progressBox.querySelector("progress");
    this.status = root.querySelector("[data-direct-upload-status]");
    this.resumeButton = root.querySelector("[data-direct-upload-resume]");
    this.cancelButton = root.querySelector("[data-direct-upload-cancel]");
    this.fieldName = this.input.name;
    // A run is one attempt at sending: choosing a file or resuming starts
    // one; a failure, a cancel or another file ends it, and every worker
    // of an ended run stops at its next step.
    this.run = null;
    this.upload = null;
    this.file = null;
  }

  // True while bytes are moving, or while an interrupted upload waits to be
  // resumed or cancelled: the form must not be saved in either case.
  get unfinished() {
    return this.run !== null || this.upload?.state === "pending";
  }

  message(name, values = {}) {
    const key = `msg${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    return fill(this.root.dataset[key] || "", values);
  }

  say(text) {
    this.status.textContent = text;
  }

  startRun() {
    this.endRun();
    this.run = { requests: new Set() };
    return this.run;
  }

  endRun() {
    const run = this.run;
    this.run = null;
    if (run) for (const request of run.requests) request.abort();
  }

  async api(url, { method = "GET", body } = {}) {
    // Refusals come back as sentences in the page's language.
    const headers = {
      Accept: "application/json",
      "Accept-Language": document.documentElement.lang || "fr",
      "X-CSRFToken": csrfToken(this.root),
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new UploadError(this.message("interrupted"), { resumable: true });
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      throw new UploadError(data?.detail || `HTTP ${response.status}`, {
        status: response.status,
        resumable: response.status >= 500 || response.status === 409,
      });
    }
    return data;
  }

  // One PUT with upload progress (fetch cannot report it).
  put(run, url, blob, headers, onProgress) {
    return new Promise((resolve, reject) => {
      if (run !== this.run) {
        // The run ended while this part waited for its URL: send nothing.
        reject(Object.assign(new UploadError(""), { aborted: true }));
        return;
      }
      const request = new XMLHttpRequest();
      run.requests.add(request);
      request.open("PUT", url);
      for (const [name, value] of Object.entries(headers || {})) {
        request.setRequestHeader(name, value);
      }
      if (url.startsWith("/")) request.setRequestHeader("X-CSRFToken", csrfToken(this.root));
      request.upload.onprogress = (event) => onProgress(event.loaded);
      request.onload = () => {
        run.requests.delete(request);
        if (request.status >= 200 && request.status < 300) {
          onProgress(blob.size);
          resolve(request);
          return;
        }
        let detail = `HTTP ${request.status}`;
        try {
          detail = JSON.parse(request.responseText).detail || detail;
        } catch {
          // S3 answers in XML; its status code says enough.
        }
        reject(new UploadError(detail, { status: request.status }));
      };
      request.onerror = () => {
        run.requests.delete(request);
        reject(new UploadError(this.message("interrupted"), { resumable: true }));
      };
      request.onabort = () => {
        run.requests.delete(request);
        const error = new UploadError(this.message("cancelled"));
        error.aborted = true;
        reject(error);
      };
      request.send(blob);
    });
  }

  // Network and server errors are worth another try, and so is a storage
  // URL refused as expired (``storage``: it is signed again); a refusal
  // from Chaînon itself is not. An ended run stops before each attempt.
  async withRetries(run, attempt, { storage = false, onRefusedSignature } = {}) {
    for (let tries = 0; ; tries += 1) {
      if (run !== this.run) throw Object.assign(new UploadError(""), { aborted: true });
      try {
        return await attempt();
      } catch (error) {
        if (error.aborted || run !== this.run) throw error;
        const refusedSignature = storage && error.status === 403;
        const retriable = error.status === 0 || error.status >= 500 || refusedSignature;
        if (!retriable || tries >= RETRIES) {
          if (retriable) error.resumable = true;
          throw error;
        }
        if (refusedSignature && onRefusedSignature) onRefusedSignature();
        await wait(400 * 2 ** tries);
      }
    }
  }

  storageKey(file) {
    return `chainon-upload:${this.root.dataset.target}:${file.name}:${file.size}:${file.lastModified}`;
  }

  reset() {
    this.endRun();
    this.input.name = this.fieldName;
    this.input.value = "";
    this.progressBox.hidden = true;
    this.resumeButton.hidden = true;
    this.cancelButton.hidden = true;
  }

  async choose(file) {
    if (!file) return;
    // A new choice replaces an upload still on its way: its run ends now
    // (before anything is awaited, so a later choice always wins) and the
    // server is told to free it.
    const replaced = this.upload?.state === "pending" ? this.upload : null;
    if (this.file) saved.forget(this.storageKey(this.file));
    this.upload = null;
    this.token.value = "";
    if (replaced) this.api(replaced.url, { method: "DELETE" }).catch(() => {});
    if (file.size > Number(this.root.dataset.maxSize)) {
      this.reset();
      this.say(this.message("too-large"));
      return;
    }
    this.file = file;
    // From now on the form posts the token, not the bytes.
    this.input.removeAttribute("name");
    const run = this.startRun();
    this.cancelButton.hidden = false;
    this.spokenStep = null;
    this.say(this.message("starting"));
    let upload;
    try {
      upload = await this.savedUpload(file);
      if (!upload) {
        upload = await this.api(this.root.dataset.startUrl, {
          method: "POST",
          body: {
            target: this.root.dataset.target,
            filename: file.name,
            size: file.size,
            content_type: file.type,
          },
        });
      }
    } catch (error) {
      this.fail(run, error);
      return;
    }
    if (run !== this.run) {
      // Cancelled while the server was answering.
      this.api(upload.url, { method: "DELETE" }).catch(() => {});
      return;
    }
    this.upload = upload;
    saved.set(this.storageKey(file), upload.url);
    await this.send(run);
  }

  // An upload of the same file left unfinished (page reloaded, tab closed).
  async savedUpload(file) {
    const url = saved.get(this.storageKey(file));
    if (!url) return null;
    try {
      const upload = await this.api(url);
      if (upload.state === "pending" && upload.size === file.size) {
        this.say(this.message("resuming"));
        return upload;
      }
    } catch {
      // Expired or cancelled meanwhile: start afresh.
    }
    saved.forget(this.storageKey(file));
    return null;
  }

  async resume() {
    if (!this.upload) return;
    const run = this.startRun();
    this.resumeButton.hidden = true;
    this.say(this.message("resuming"));
    try {
      const upload = await this.api(this.upload.url);
      if (run !== this.run) return;
      this.upload = upload;
    } catch (error) {
      this.fail(run, error);
      return;
    }
    // The last attempt finished it, but its answer was lost on the way.
    if (this.upload.state === "complete") {
      this.finish(run, this.upload);
      return;
    }
    if (this.upload.state !== "pending") {
      // Rejected, cancelled or expired meanwhile: start again from scratch.
      this.fail(run, new UploadError(this.upload.error || this.message("cancelled")));
      return;
    }
    await this.send(run);
  }

  showProgress(run, sent) {
    if (run !== this.run) return;
    const size = this.upload.size;
    const percent = size ? Math.min(100, Math.floor((sent / size) * 100)) : 100;
    this.progressBox.hidden = false;
    this.progress.value = percent;
    // The status line is a live region: speak every ten per cent, not at
    // every progress event.
    const step = Math.floor(percent / 10);
    if (step !== this.spokenStep) {
      this.spokenStep = step;
      this.say(this.message("progress", { percent, size: humanSize(size) }));
    }
  }

  async send(run) {
    const upload = this.upload;
    const file = this.file;
    this.cancelButton.hidden = false;
    try {
      if (upload.strategy === "multipart") {
        await this.sendParts(run, upload, file);
      } else {
        await this.withRetries(
          run,
          () => this.put(run, upload.put.url, file, upload.put.headers, (sent) => this.showProgress(run, sent)),
          // Only a storage URL (not Chaînon's own, on local storage) expires.
          { storage: !upload.put.url.startsWith("/") },
        );
      }
      if (run !== this.run) return;
      this.say(this.message("checking"));
      const done = await this.withRetries(run, () =>
        this.api(upload.complete_url, { method: "POST" }),
      );
      this.finish(run, done);
    } catch (error) {
      this.fail(run, error);
    }
  }

  finish(run, done) {
    if (run !== this.run) return;
    this.run = null;
    this.upload = done;
    this.token.value = done.token;
    saved.forget(this.storageKey(this.file));
    this.cancelButton.hidden = true;
    this.progressBox.hidden = false;
    this.progress.value = 100;
    this.say(this.message("ready", { name: done.filename }));
    this.root.dispatchEvent(new CustomEvent("direct-upload:ready", { bubbles: true, detail: done }));
  }

  async sendParts(run, upload, file) {
    const { size, part_size: partSize, part_count: count } = upload;
    const done = new Map(
      Object.entries(upload.uploaded_parts || {}).map(([n, s]) => [Number(n), s]),
    );
    const inFlight = new Map();
    const todo = [];
    for (let number = 1; number <= count; number += 1) {
      if (!done.has(number)) todo.push(number);
    }
    const urls = new Map();
    const report = () => {
      let sent = 0;
      for (const value of done.values()) sent += value;
      for (const value of inFlight.values()) sent += value;
      this.showProgress(run, sent);
    };
    const urlFor = async (number) => {
      if (!urls.has(number)) {
        const start = todo.indexOf(number);
        const numbers = todo.slice(start, start + URL_BATCH).filter((n) => !urls.has(n));
        const signed = await this.api(upload.parts_url, { method: "POST", body: { numbers } });
        for (const [n, url] of Object.entries(signed.urls)) urls.set(Number(n), url);
      }
      return urls.get(number);
    };
    report();
    const queue = [...todo];
    const worker = async () => {
      while (queue.length && run === this.run) {
        const number = queue.shift();
        const blob = file.slice((number - 1) * partSize, Math.min(number * partSize, size));
        try {
          await this.withRetries(
            run,
            async () =>
              this.put(run, await urlFor(number), blob, {}, (sent) => {
                inFlight.set(number, sent);
                report();
              }),
            { storage: true, onRefusedSignature: () => urls.delete(number) },
          );
        } finally {
          inFlight.delete(number);
        }
        done.set(number, blob.size);
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, worker));
  }

  fail(run, error) {
    if (run !== this.run) return; // ended already: cancelled or replaced
    this.endRun();
    if (error.resumable && this.upload?.state === "pending") {
      this.resumeButton.hidden = false;
      this.cancelButton.hidden = false;
      this.say(this.message("interrupted"));
      return;
    }
    if (this.file) saved.forget(this.storageKey(this.file));
    this.upload = null;
    this.reset();
    this.say(this.message("failed", { reason: error.message }));
  }

  async cancel() {
    const upload = this.upload;
    if (this.file) saved.forget(this.storageKey(this.file));
    this.upload = null;
    this.reset();
    this.token.value = "";
    this.say(this.message("cancelled"));
    if (upload?.state === "pending") {
      try {
        await this.api(upload.url, { method: "DELETE" });
      } catch {
        // The server expires abandoned uploads anyway.
      }
    }
  }
}

const controllers = new WeakMap();

function controllerFor(element) {
  const root = element.closest("[data-direct-upload]");
  if (!root) return null;
  if (!controllers.has(root)) controllers.set(root, new DirectUpload(root));
  return controllers.get(root);
}

document.addEventListener("change", (event) => {
  if (!event.target.matches?.("[data-direct-upload-input]")) return;
  controllerFor(event.target)?.choose(event.target.files[0]);
});

document.addEventListener("click", (event) => {
  const resume = event.target.closest?.("[data-direct-upload-resume]");
  const cancel = event.target.closest?.("[data-direct-upload-cancel]");
  if (resume) controllerFor(resume)?.resume();
  if (cancel) controllerFor(cancel)?.cancel();
});

// A form must not be saved while one of its files is still on its way, or
// interrupted: its file input no longer carries the file.
document.addEventListener(
  "submit",
  (event) => {
    for (const root of event.target.querySelectorAll("[data-direct-upload]")) {
      const controller = controllers.get(root);
      if (controller?.unfinished) {
        event.preventDefault();
        event.stopImmediatePropagation();
        controller.say(controller.message("wait"));
        controller.status.focus();
        return;
      }
    }
  },
  true,
);

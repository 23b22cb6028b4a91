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
    this.requests = new Set();
    this.busy = false;
  }

  message(name, values = {}) {
    const key = `msg${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    return fill(this.root.dataset[key] || "", values);
  }

  say(text) {
    this.status.textContent = text;
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
  put(url, blob, headers, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      this.requests.add(request);
      request.open("PUT", url);
      for (const [name, value] of Object.entries(headers || {})) {
        request.setRequestHeader(name, value);
      }
      if (url.startsWith("/")) request.setRequestHeader("X-CSRFToken", csrfToken(this.root));
      request.upload.onprogress = (event) => onProgress(event.loaded);
      request.onload = () => {
        this.requests.delete(request);
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
        this.requests.delete(request);
        reject(new UploadError(this.message("interrupted"), { resumable: true }));
      };
      request.onabort = () => {
        this.requests.delete(request);
        reject(new UploadError(this.message("cancelled")));
      };
      request.send(blob);
    });
  }

  // Network errors, server errors and refused signatures (an expired URL)
  // are worth another try; a refusal from Chaînon itself is not.
  async withRetries(attempt, { onRefusedSignature } = {}) {
    for (let tries = 0; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (this.cancelled) throw error;
        const retriable = error.status === 0 || error.status >= 500 || error.status === 403;
        if (!retriable || tries >= RETRIES) {
          if (retriable) error.resumable = true;
          throw error;
        }
        if (error.status === 403 && onRefusedSignature) onRefusedSignature();
        await wait(400 * 2 ** tries);
      }
    }
  }

  storageKey(file) {
    return `chainon-upload:${this.root.dataset.target}:${file.name}:${file.size}:${file.lastModified}`;
  }

  reset() {
    for (const request of this.requests) request.abort();
    this.requests.clear();
    this.busy = false;
    this.input.name = this.fieldName;
    this.input.value = "";
    this.progressBox.hidden = true;
    this.resumeButton.hidden = true;
    this.cancelButton.hidden = true;
  }

  async choose(file) {
    if (!file) return;
    this.cancelled = false;
    this.token.value = "";
    if (file.size > Number(this.root.dataset.maxSize)) {
      this.reset();
      this.say(this.message("too-large"));
      return;
    }
    this.file = file;
    // From now on the form posts the token, not the bytes.
    this.input.removeAttribute("name");
    this.busy = true;
    this.cancelButton.hidden = false;
    this.say(this.message("starting"));
    try {
      this.upload = await this.savedUpload(file);
      if (!this.upload) {
        this.upload = await this.api(this.root.dataset.startUrl, {
          method: "POST",
          body: {
            target: this.root.dataset.target,
            filename: file.name,
            size: file.size,
            content_type: file.type,
          },
        });
      }
      sessionStorage.setItem(this.storageKey(file), this.upload.url);
    } catch (error) {
      this.fail(error);
      return;
    }
    await this.send();
  }

  // An upload of the same file left unfinished (page reloaded, tab closed).
  async savedUpload(file) {
    const url = sessionStorage.getItem(this.storageKey(file));
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
    sessionStorage.removeItem(this.storageKey(file));
    return null;
  }

  async resume() {
    this.cancelled = false;
    this.busy = true;
    this.resumeButton.hidden = true;
    this.say(this.message("resuming"));
    try {
      this.upload = await this.api(this.upload.url);
    } catch (error) {
      this.fail(error);
      return;
    }
    await this.send();
  }

  showProgress(sent) {
    const size = this.upload.size;
    const percent = size ? Math.min(100, Math.floor((sent / size) * 100)) : 100;
    this.progressBox.hidden = false;
    this.progress.value = percent;
    this.say(this.message("progress", { percent, size: humanSize(size) }));
  }

  async send() {
    this.cancelButton.hidden = false;
    try {
      if (this.upload.strategy === "multipart") {
        await this.sendParts();
      } else {
        await this.withRetries(() =>
          this.put(this.upload.put.url, this.file, this.upload.put.headers, (sent) =>
            this.showProgress(sent),
          ),
        );
      }
      this.say(this.message("checking"));
      const done = await this.withRetries(() =>
        this.api(this.upload.complete_url, { method: "POST" }),
      );
      this.upload = done;
      this.token.value = done.token;
      sessionStorage.removeItem(this.storageKey(this.file));
      this.busy = false;
      this.cancelButton.hidden = true;
      this.progress.value = 100;
      this.say(this.message("ready", { name: done.filename }));
      this.root.dispatchEvent(new CustomEvent("direct-upload:ready", { bubbles: true, detail: done }));
    } catch (error) {
      this.fail(error);
    }
  }

  async sendParts() {
    const { size, part_size: partSize, part_count: count } = this.upload;
    const done = new Map(Object.entries(this.upload.uploaded_parts || {}).map(([n, s]) => [Number(n), s]));
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
      this.showProgress(sent);
    };
    const urlFor = async (number) => {
      if (!urls.has(number)) {
        const start = todo.indexOf(number);
        const numbers = todo.slice(start, start + URL_BATCH).filter((n) => !urls.has(n));
        const signed = await this.api(this.upload.parts_url, { method: "POST", body: { numbers } });
        for (const [n, url] of Object.entries(signed.urls)) urls.set(Number(n), url);
      }
      return urls.get(number);
    };
    report();
    const queue = [...todo];
    const worker = async () => {
      while (queue.length && !this.cancelled) {
        const number = queue.shift();
        const blob = this.file.slice((number - 1) * partSize, Math.min(number * partSize, size));
        await this.withRetries(
          async () =>
            this.put(await urlFor(number), blob, {}, (sent) => {
              inFlight.set(number, sent);
              report();
            }),
          { onRefusedSignature: () => urls.delete(number) },
        );
        inFlight.delete(number);
        done.set(number, blob.size);
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, worker));
  }

  fail(error) {
    if (this.cancelled) return;
    for (const request of this.requests) request.abort();
    if (error.resumable && this.upload?.state === "pending") {
      this.busy = false;
      this.resumeButton.hidden = false;
      this.cancelButton.hidden = false;
      this.say(this.message("interrupted"));
      return;
    }
    if (this.file) sessionStorage.removeItem(this.storageKey(this.file));
    this.reset();
    this.say(this.message("failed", { reason: error.message }));
  }

  async cancel() {
    this.cancelled = true;
    const upload = this.upload;
    if (this.file) sessionStorage.removeItem(this.storageKey(this.file));
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
    this.upload = null;
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

// A form must not be saved while one of its files is still on its way.
document.addEventListener(
  "submit",
  (event) => {
    for (const root of event.target.querySelectorAll("[data-direct-upload]")) {
      const controller = controllers.get(root);
      if (controller?.busy) {
        event.preventDefault();
        event.stopImmediatePropagation();
        controller.say(controller.message("wait"));
        controller.status.focus?.();
        return;
      }
    }
  },
  true,
);

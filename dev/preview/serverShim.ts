/**
 * The `google.script.run` the local preview puts in front of the real Sidebar.html. Like the
 * real one it has one method per server function, chains withSuccessHandler /
 * withFailureHandler / withUserObject into a fresh runner each time, passes only JSON-able
 * arguments, and answers asynchronously. Each call is a POST /api/run/<name> with the
 * arguments as a JSON array; afterwards the page around the sidebar is told to redraw the sheet.
 */
export function shimScript(serverFunctions: string[]): string {
  return `(function () {
  var names = ${JSON.stringify(serverFunctions)};
  function notifyPage(name) {
    try { if (window.parent !== window) window.parent.postMessage({ type: 'gmv-server-call', name: name }, location.origin); } catch (e) {}
  }
  function invoke(name, args, onSuccess, onFailure, userObject) {
    var body;
    try { body = JSON.stringify(args); } catch (e) { throw new Error('google.script.run.' + name + ': arguments must be plain data'); }
    fetch('/api/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: body })
      .then(function (response) { return response.json().then(function (reply) { return { ok: response.ok, reply: reply }; }); })
      .catch(function (e) { return { ok: false, reply: { error: 'the preview server did not answer (' + e.message + ')' } }; })
      .then(function (r) {
        notifyPage(name);
        if (r.ok) { if (onSuccess) onSuccess(r.reply.value === undefined ? null : r.reply.value, userObject); return; }
        var error = new Error(r.reply && r.reply.error ? r.reply.error : 'server error');
        if (onFailure) onFailure(error, userObject); else console.error('google.script.run.' + name + ' failed: ' + error.message);
      });
  }
  function runner(onSuccess, onFailure, userObject) {
    var run = {
      withSuccessHandler: function (f) { return runner(f, onFailure, userObject); },
      withFailureHandler: function (f) { return runner(onSuccess, f, userObject); },
      withUserObject: function (o) { return runner(onSuccess, onFailure, o); }
    };
    names.forEach(function (name) {
      run[name] = function () { invoke(name, Array.prototype.slice.call(arguments), onSuccess, onFailure, userObject); };
    });
    return run;
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(undefined, undefined, undefined),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} }, origin: location.origin }
  };
})();`;
}

/** Puts the shim in front of the sidebar's own code (which is in <body>): at the end of <head>. */
export function injectShim(sidebarHtml: string, serverFunctions: string[]): string {
  const tag = `<script>${shimScript(serverFunctions)}</script>`;
  const at = sidebarHtml.indexOf('</head>');
  return at < 0 ? tag + sidebarHtml : sidebarHtml.slice(0, at) + tag + sidebarHtml.slice(at);
}

/**
 * Docusaurus's page template (@docusaurus/core lib/ssg/ssgTemplate.html.js) with one change: the
 * bundles start only after the first paint has been presented, instead of as `<script defer>` in
 * the head. The server-rendered page is complete without them, so nothing waits; what it buys is
 * that the download and first run of main.js no longer compete with the first paint (Lighthouse
 * counts a script that starts before the paint as part of the LCP chain).
 *
 * The loader is feature-detected: without PerformanceObserver 'paint' entries it loads at once,
 * and a timeout loads the app if no paint is reported (a tab opened in the background), so no
 * browser is left without it. `async = false` keeps the runtime running before main.js. It sits
 * after #__docusaurus, so the root exists whichever way the scripts start.
 */
const loader = `(function (scripts) {
  var started = false;
  function load() {
    if (started) return;
    started = true;
    scripts.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    });
  }
  var Observer = window.PerformanceObserver;
  if (!Observer || !Observer.supportedEntryTypes || Observer.supportedEntryTypes.indexOf('paint') < 0) return load();
  new Observer(function (list) {
    if (list.getEntriesByName('first-contentful-paint').length) setTimeout(load);
  }).observe({type: 'paint', buffered: true});
  setTimeout(load, 1500);
})`;

export const paintFirstSsrTemplate = `<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <script>${loader}(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>)</script>
    <%~ it.postBodyTags %>
  </body>
</html>
`;

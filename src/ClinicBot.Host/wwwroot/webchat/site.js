// Starts Microsoft's Web Chat (webchat.js, bundled by the build) against the Direct Line the server chose: ClinicBot's own,
// or Azure's when configured. The page's words come from the server (prompts/responses/webchat.yaml); none are written here.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var host = document.getElementById('webchat');
  var status = document.getElementById('webchat-status');

  function fail() {
    status.textContent = config.strings.unavailable;
    status.classList.add('error');
  }

  if (!window.WebChat) {
    fail();
    return;
  }

  fetch(config.tokenUrl, { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: session.domain,
        webSocket: config.webSocket,
        pollingInterval: config.pollingInterval,
        conversationStartProperties: { locale: config.locale }
      });
      var accent = '#0b5563';
      // The bot links its sources as /articles/{id}. Web Chat turns links it cannot resolve into citation buttons,
      // so they are made absolute on this site before Web Chat's own Markdown renderer runs.
      var origin = window.location.origin;
      var renderMarkdown = function (markdown, options, init) {
        return window.WebChat.renderMarkdown(String(markdown).replace(/\]\(\//g, '](' + origin + '/'), options, init);
      };
      var options = {
        directLine: directLine,
        userID: session.userId,
        locale: config.locale,
        renderMarkdown: renderMarkdown,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.strings.placeholder },
        styleOptions: {
          accent: accent,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          rootHeight: '100%',
          hideUploadButton: true,
          sendBoxTextWrap: true,
          bubbleBackground: '#f1f5f6',
          bubbleBorderRadius: 12,
          bubbleFromUserBackground: accent,
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 12,
          bubbleMaxWidth: 560,
          suggestedActionLayout: 'flow',
          suggestedActionBackgroundColor: '#ffffff',
          suggestedActionBorderColor: accent,
          suggestedActionTextColor: accent,
          suggestedActionBorderRadius: 16,
          suggestedActionHeight: 44,
          sendBoxButtonColor: accent,
          sendBoxPlaceholderColor: '#595959',
          subtle: '#595959',
          timestampColor: '#595959',
          typingAnimationDuration: 5000
        }
      };

      // Until the conversation is up (its welcome has arrived) the box is disabled and "Starting the chat…" shows
      // above it: a message typed into a chat that is still connecting could otherwise be dropped. Never longer than
      // 15 s, so a slow welcome cannot keep a patient from writing.
      var ready = false;
      var connecting = document.createElement('p');
      connecting.className = 'status';
      connecting.setAttribute('role', 'status');
      connecting.textContent = config.strings.loading;
      host.parentNode.insertBefore(connecting, host);
      status.remove();
      var render = function () {
        options.disabled = !ready;
        window.WebChat.renderWebChat(options, host);
      };
      var open = function () {
        if (ready) return;
        ready = true;
        connecting.remove();
        render();
      };
      directLine.activity$.subscribe(function (activity) {
        if (activity && activity.from && activity.from.role === 'bot') open();
      });
      setTimeout(open, 15000);
      render();
      host.setAttribute('data-conversation-id', session.conversationId);
    })
    .catch(fail);
})();

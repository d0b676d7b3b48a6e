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
      status.remove();
      window.WebChat.renderWebChat(
        {
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
        },
        host
      );
      host.setAttribute('data-conversation-id', session.conversationId);
    })
    .catch(fail);
})();

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// <c>POST /api/webchat/token</c>: a Direct Line token for one new conversation, for the clinic page. From ClinicBot's own
/// Direct Line by default, or exchanged from Azure's when <c>WebChat:DirectLineSecret</c> is set.
/// </summary>
public static class WebChatTokenEndpoints
{
    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/webchat/token", IssueAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, IOptions<WebChatOptions> options, IServiceProvider services, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(WebChatTokenEndpoints));
        http.Response.Headers.CacheControl = "no-store";
        if (options.Value.UsesAzure)
        {
            var azure = await services.GetRequiredService<AzureDirectLineTokens>().GenerateAsync(http.RequestAborted);
            if (azure is null)
            {
                return DirectLineErrors.Problem(logger, StatusCodes.Status502BadGateway, "DirectLineUnavailable", "Azure's Direct Line did not issue a token; try again shortly.");
            }

            DirectLineLog.TokenIssued(logger, azure.ConversationId, "azure");
            return TypedResults.Ok(azure);
        }

        var tokens = services.GetRequiredService<DirectLineTokens>();
        var conversationId = DirectLineConversations.NewId();
        // Not "dl_": DirectLineJS reserves that prefix for user ids Azure embeds in its tokens.
        var userId = DirectLineConversations.NewId("visitor-");
        var (token, expiresIn) = tokens.IssueConversationToken(conversationId, userId);
        DirectLineLog.TokenIssued(logger, conversationId, "local");
        var domain = services.GetRequiredService<PublicAddress>().BaseUrl + "/v3/directline";
        return TypedResults.Ok(new WebChatToken(conversationId, token, expiresIn, userId, domain));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Refusals as ProblemDetails that also carry Direct Line's <c>{"error":{"code","message"}}</c>, so both kinds of client read them.
/// </summary>
internal static class DirectLineErrors
{
    public static IResult BadRequest(ILogger logger, string reason) => Problem(logger, StatusCodes.Status400BadRequest, "BadArgument", reason);

    public static IResult Unauthorized(ILogger logger) =>
        Problem(logger, StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Direct Line token is required: Authorization: Bearer <token> (get one from POST /api/webchat/token).");

    public static IResult Expired(ILogger logger) =>
        Problem(logger, StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one from POST /api/webchat/token.");

    public static IResult OtherConversation(ILogger logger) =>
        Problem(logger, StatusCodes.Status403Forbidden, "Forbidden", "This token is for another conversation.");

    public static IResult NotStarted(ILogger logger) =>
        Problem(logger, StatusCodes.Status404NotFound, "NotFound", "The conversation has not been started: POST /v3/directline/conversations first.");

    public static IResult Problem(ILogger logger, int status, string code, string message)
    {
        DirectLineLog.Refused(logger, status, code, message);
        return TypedResults.Problem(
            title: code, detail: message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message } });
    }
}

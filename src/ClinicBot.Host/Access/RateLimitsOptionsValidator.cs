using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Access;

/// <summary>Every rule needs a positive <c>PermitLimit</c> and a <c>Window</c> of at least a millisecond per request.</summary>
internal sealed class RateLimitsOptionsValidator : IValidateOptions<RateLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitsOptions options)
    {
        var invalid = options.Rules().Where(r => r.Rule is null || !r.Rule.IsValid)
            .Select(r => $"{RateLimitsOptions.Section}:{r.Name} needs PermitLimit >= 1 and a Window of at least PermitLimit milliseconds.")
            .ToList();
        return invalid.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(invalid);
    }
}

using System.Text.Json.Serialization.Metadata;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>What differs between the preview and the change: the API call and the JSON of its answer. Everything else is one handler.</summary>
/// <typeparam name="TResult">Dodo's answer.</typeparam>
/// <param name="Name">For logs: <c>preview</c> or <c>change</c>.</param>
/// <param name="IsPreview">What the app's hooks are told.</param>
/// <param name="CallAsync">Calls Dodo.</param>
/// <param name="ResultTypeInfo">Writes the answer.</param>
internal sealed record PlanChangeOperation<TResult>(
    string Name,
    bool IsPreview,
    Func<IDodoPaymentsApiClient, string, ChangePlanRequest, CancellationToken, Task<TResult>> CallAsync,
    JsonTypeInfo<TResult> ResultTypeInfo);

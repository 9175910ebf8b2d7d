using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The JSON metadata of the ProblemDetails every endpoint answers with, so they are written without reflection:
/// under Native AOT the app's JSON options know only the resolvers added to them, and ASP.NET Core adds its own
/// ProblemDetails metadata only when the app calls <c>AddProblemDetails</c>. The extension values the package sets
/// (Dodo's error <c>code</c>) are strings; the other primitives are listed for the extensions an app's middleware adds.
/// </summary>
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DodoProblemDetailsJsonContext : JsonSerializerContext;

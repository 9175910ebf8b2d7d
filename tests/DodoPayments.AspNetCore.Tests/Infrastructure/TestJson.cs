using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Tests.Infrastructure;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
internal sealed partial class TestJson : JsonSerializerContext;

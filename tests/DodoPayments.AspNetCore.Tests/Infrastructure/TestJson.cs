using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Tests.Infrastructure;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJson : JsonSerializerContext;

using System.Reflection;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Tests.Api;

/// <summary>
/// The API client is the bottom layer: its types use nothing of the features above it, a class of the app's own can
/// implement part of it, and one model stands for each value shape on the wire. Reflection is used here only.
/// </summary>
public sealed class ApiLayerTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] FeatureNamespaces =
    [
        "DodoPayments.AspNetCore.Checkout",
        "DodoPayments.AspNetCore.CustomerPortal",
        "DodoPayments.AspNetCore.PlanChange",
        "DodoPayments.AspNetCore.Webhooks",
    ];

    private static readonly Assembly Library = typeof(IDodoPaymentsApiClient).Assembly;

    /// <summary>Every type of the Api namespace (nested and compiler-generated ones included) and the client interface.</summary>
    private static IEnumerable<Type> ApiTypes() =>
        Library.GetTypes().Where(type => type.Namespace == typeof(Product).Namespace).Append(typeof(IDodoPaymentsApiClient));

    [Fact]
    public void CheckoutSessionRequest_OfTheCheckoutEndpoint_IsInCheckoutAndIsTheApiBody()
    {
        // Arrange: API.md §1 puts the checkout endpoints' request models in DodoPayments.AspNetCore.Checkout.
        var endpointBody = typeof(DodoPayments.AspNetCore.Checkout.CheckoutSessionRequest);

        // Act
        var declared = endpointBody.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        // Assert: the same wire model as the client's, adding nothing, so there is still one model of the body.
        Assert.Equal("DodoPayments.AspNetCore.Checkout", endpointBody.Namespace);
        Assert.Equal(typeof(CreateCheckoutSessionRequest), endpointBody.BaseType);
        Assert.Empty(declared);
    }

    [Fact]
    public void ApiTypes_MemberSignatures_UseNothingOfCheckoutPlanChangePortalOrWebhooks()
    {
        // Act
        var offending = ApiTypes()
            .SelectMany(type => SignatureTypes(type).Select(used => (Where: type.FullName, Used: used)))
            .Where(pair => IsFeatureType(pair.Used))
            .Select(pair => $"{pair.Where} uses {pair.Used.FullName}")
            .Distinct()
            .ToList();

        // Assert
        Assert.Empty(offending);
    }

    [Fact]
    public void IDodoPaymentsApiClient_EveryCall_TakesAndReturnsOnlyApiTypes()
    {
        // Arrange
        var allowed = new[] { typeof(string), typeof(bool), typeof(Nullable<>), typeof(CancellationToken), typeof(Task), typeof(Task<>) };

        // Act
        var others = typeof(IDodoPaymentsApiClient).GetMethods()
            .SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType))
            .SelectMany(Unwrap)
            .Where(type => type.Namespace != typeof(Product).Namespace && !allowed.Contains(type))
            .Distinct()
            .ToList();

        // Assert
        Assert.Empty(others);
    }

    [Fact]
    public async Task IDodoPaymentsApiClient_ImplementedWithOneCall_TheOthersThrowNotSupported()
    {
        // Arrange
        IDodoPaymentsApiClient client = new ProductsOnlyClient();

        // Act
        var product = await client.GetProductAsync("pdt_1");
        var exception = await Assert.ThrowsAsync<NotSupportedException>(() => client.CreatePaymentAsync(new CreatePaymentRequest()));

        // Assert
        Assert.Equal("pdt_1", product.ProductId);
        Assert.Contains(nameof(ProductsOnlyClient), exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IDodoPaymentsApiClient.CreatePaymentAsync), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IDodoPaymentsApiClient_EveryCall_HasADefaultSoImplementationsDoNotBreak()
    {
        // Act
        var withoutDefault = typeof(IDodoPaymentsApiClient).GetMethods().Where(method => method.IsAbstract).Select(method => method.Name).ToList();

        // Assert
        Assert.Empty(withoutDefault);
    }

    [Fact]
    public void IDodoPaymentsApiClient_EveryCall_HasATestAgainstTheStandIn()
    {
        // Arrange: DodoPaymentsApiClientTests runs the client against the stand-in; its tests are named after the call.
        var tests = typeof(DodoPaymentsApiClientTests).GetMethods().Where(method => method.GetCustomAttributes<FactAttribute>().Any()).Select(method => method.Name).ToList();

        // Act
        var untested = typeof(IDodoPaymentsApiClient).GetMethods()
            .Select(method => method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name)
            .Where(call => !tests.Any(test => test.StartsWith(call + "_", StringComparison.Ordinal)))
            .ToList();

        // Assert
        Assert.Empty(untested);
    }

    [Theory]
    [InlineData(typeof(Customer), nameof(Payment.Customer))]
    [InlineData(typeof(BillingAddress), nameof(Payment.Billing), nameof(CreateCheckoutSessionRequest.BillingAddress))]
    [InlineData(typeof(ProductCartItem), nameof(Payment.ProductCart))]
    [InlineData(typeof(AddonCartItem), nameof(Subscription.Addons))]
    [InlineData(typeof(DodoMetadata), nameof(Payment.Metadata))]
    public void ValueModels_SameValueAnywhere_OneType(Type model, params string[] properties)
    {
        // Arrange: the request, answer and webhook payload models of every namespace.
        var models = Library.GetExportedTypes().Where(type => type.IsClass && type.Namespace?.StartsWith("DodoPayments.AspNetCore", StringComparison.Ordinal) == true);

        // Act
        var found = models
            .SelectMany(type => properties.Select(property => type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)))
            .OfType<PropertyInfo>()
            .Select(found => (Where: $"{found.DeclaringType!.Name}.{found.Name}", Type: Unwrap(found.PropertyType).Last()))
            .ToList();

        // Assert
        Assert.True(found.Count > 1, $"{model.Name} is used by {found.Count} models only.");
        Assert.All(found, use => Assert.True(use.Type == model, $"{use.Where} is a {use.Type.Name}, not a {model.Name}."));
        Assert.Contains(found, use => use.Where.StartsWith(nameof(Payment) + ".", StringComparison.Ordinal) || use.Where.StartsWith(nameof(Subscription) + ".", StringComparison.Ordinal));
    }

    /// <summary>The types <paramref name="type"/>'s signatures name: base, interfaces, fields, properties, events, methods, constructors and attributes.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            named.Add(baseType);
        }

        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Everything).Select(field => field.FieldType));
        named.AddRange(type.GetProperties(Everything).Select(property => property.PropertyType));
        named.AddRange(type.GetEvents(Everything).Select(@event => @event.EventHandlerType!));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            named.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }
        }

        var attributes = type.GetCustomAttributesData()
            .Concat(type.GetProperties(Everything).SelectMany(property => property.GetCustomAttributesData()));
        named.AddRange(attributes.Select(attribute => attribute.AttributeType));
        var arguments = attributes.SelectMany(attribute => attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(named => named.TypedValue)));
        named.AddRange(arguments.SelectMany(ArgumentValues).OfType<Type>());
        return named.SelectMany(Unwrap);
    }

    /// <summary>An attribute argument's value, or each value of an array argument (<c>Converters = [typeof(…)]</c>).</summary>
    private static IEnumerable<object?> ArgumentValues(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> values ? values.Select(value => value.Value) : [argument.Value];

    /// <summary>A type and the types it is made of: element types, generic arguments, the type behind a <c>ref</c>.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }

    private static bool IsFeatureType(Type type) =>
        type.Namespace is { } name && FeatureNamespaces.Any(feature => name == feature || name.StartsWith(feature + ".", StringComparison.Ordinal));

    /// <summary>A test double of the app's: it implements the one call it needs.</summary>
    private sealed class ProductsOnlyClient : IDodoPaymentsApiClient
    {
        public Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Product { ProductId = productId });
    }
}

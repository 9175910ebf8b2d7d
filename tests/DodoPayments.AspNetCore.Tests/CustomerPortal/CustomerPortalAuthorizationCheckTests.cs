using DodoPayments.AspNetCore.CustomerPortal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.CustomerPortal;

public sealed class CustomerPortalAuthorizationCheckTests
{
    [Fact]
    public void RequiresAuthorization_NoAuthorizationMetadata_IsFalse()
    {
        // Arrange
        var metadata = new EndpointMetadataCollection(CustomerPortalQueryFormMetadata.Instance);

        // Act
        var result = CustomerPortalAuthorizationCheck.RequiresAuthorization(metadata);

        // Assert
        Assert.False(result);
    }

    [Fact]
    public void RequiresAuthorization_AuthorizeData_IsTrue()
    {
        // Arrange
        var metadata = new EndpointMetadataCollection(CustomerPortalQueryFormMetadata.Instance, new AuthorizeAttribute("Staff"));

        // Act
        var result = CustomerPortalAuthorizationCheck.RequiresAuthorization(metadata);

        // Assert
        Assert.True(result);
    }

    [Fact]
    public void RequiresAuthorization_Policy_IsTrue()
    {
        // Arrange
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        var metadata = new EndpointMetadataCollection(policy);

        // Act
        var result = CustomerPortalAuthorizationCheck.RequiresAuthorization(metadata);

        // Assert
        Assert.True(result);
    }

    [Fact]
    public void RequiresAuthorization_AuthorizeButAllowAnonymous_IsFalse()
    {
        // Arrange
        var metadata = new EndpointMetadataCollection(new AuthorizeAttribute(), new AllowAnonymousAttribute());

        // Act
        var result = CustomerPortalAuthorizationCheck.RequiresAuthorization(metadata);

        // Assert
        Assert.False(result);
    }
}

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>
/// Endpoint metadata marking the query form of the customer portal (<c>customer_id</c> from the query string), so the
/// start-up check can find it and see whether it requires authorization.
/// </summary>
internal sealed class CustomerPortalQueryFormMetadata
{
    public static readonly CustomerPortalQueryFormMetadata Instance = new();

    private CustomerPortalQueryFormMetadata()
    {
    }
}

using System.Text;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>Answers <see cref="HttpClient"/> requests from a <see cref="DodoApiStandIn"/>, in process.</summary>
internal sealed class StandInHttpMessageHandler(DodoApiStandIn standIn) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var answer = await standIn.HandleAsync(
            request.Method.Method,
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString(),
            body,
            cancellationToken).ConfigureAwait(false);
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body, Encoding.UTF8),
        };
        response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(answer.ContentType);
        if (answer.Location is not null)
        {
            response.Headers.Location = new Uri(answer.Location, UriKind.RelativeOrAbsolute);
        }

        return response;
    }
}

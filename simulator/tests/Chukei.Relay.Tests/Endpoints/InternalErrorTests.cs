using System.Text.Json;
using Chukei.Contracts;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Relay.Tests.Endpoints;

/// <summary>
/// ERR-007 on the host every reference party runs on: a failure of the party's own is internal-error (500) as
/// problem+json, and the problem carries nothing of the failure (no message, no type, no stack trace).
/// </summary>
public sealed class InternalErrorTests
{
    [Test]
    public async Task UnhandledFailure_IsInternalErrorWithoutInternals()
    {
        // Arrange: an endpoint that fails the way a lost database would, with a message that must not leak.
        var app = PartyHost.CreateBuilder().Build();
        app.UseProblemHandling();
        app.MapPost("/v1/fails", (HttpContext _) => throw new InvalidOperationException("connection to db-internal-7 lost; password=hunter2"));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient();

            // Act
            using var response = await http.PostAsync(new Uri(new Uri(app.BoundUrl()), "/v1/fails"), new StringContent("x"));
            var raw = await response.Content.ReadAsStringAsync();

            // Assert
            Assert.That((int)response.StatusCode, Is.EqualTo(500), raw);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProtocolConstants.ProblemMediaType));
            using var problem = JsonDocument.Parse(raw);
            Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("internal-error"));
            Assert.That(raw, Does.Not.Contain("db-internal").And.Not.Contain("hunter2").And.Not.Contain("InvalidOperation").And.Not.Contain("   at "));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

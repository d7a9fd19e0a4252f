using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cybrid.Sample
{
    /// <summary>
    /// Receives Cybrid webhook events (minimal API): checks the X-Cybrid-Signature header, the lowercase hex
    /// HMAC-SHA256 of the raw body keyed with the subscription's signing key, then accepts the event.
    /// </summary>
    public static class CybridWebhookEndpoint
    {
        private const string SignatureHeader = "X-Cybrid-Signature";

        public static IEndpointRouteBuilder MapCybridWebhooks(this IEndpointRouteBuilder endpoints)
        {
            endpoints.MapPost("/webhooks/cybrid", HandleAsync);
            return endpoints;
        }

        internal static async Task<IResult> HandleAsync(HttpRequest request)
        {
            if (!request.Headers.TryGetValue(SignatureHeader, out var header))
            {
                return Results.BadRequest();
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var signingKey = Environment.GetEnvironmentVariable("CYBRID_WEBHOOK_SIGNING_KEY") ?? string.Empty;
            var expected = Convert.ToHexString(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(body))).ToLowerInvariant();

            // Some integrations send "sha256=<hex>"; accept both forms.
            var received = header.ToString();
            if (received.StartsWith("sha256=", StringComparison.Ordinal))
            {
                received = received.Substring("sha256=".Length);
            }

            // CYB0003: '!=' stops at the first differing character, so response timings leak how much of a forged
            // signature is right. The fix rewrites it to CryptographicOperations.FixedTimeEquals.
            if (received != expected)
            {
                return Results.Unauthorized();
            }

            return Results.Ok();
        }
    }
}

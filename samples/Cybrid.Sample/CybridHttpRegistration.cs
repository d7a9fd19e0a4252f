using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Cybrid.Sample
{
    /// <summary>Named HttpClients for the Cybrid Identity and Bank APIs, registered with IHttpClientFactory.</summary>
    public static class CybridHttpRegistration
    {
        public const string BankClient = "cybrid-bank";
        public const string IdentityClient = "cybrid-identity";

        public static IServiceCollection AddCybridHttpClients(this IServiceCollection services)
        {
            services.AddHttpClient(BankClient, client =>
            {
                client.BaseAddress = new Uri("https://bank.sandbox.cybrid.app/api/");

                // CYB0005: no timeout at all; a Bank API call that never answers holds the payment flow forever.
                client.Timeout = Timeout.InfiniteTimeSpan;
            });

            // CYB0005: ten minutes is above the 300-second maximum for a token request.
            services.AddHttpClient(IdentityClient, client => client.Timeout = TimeSpan.FromMinutes(10));
            return services;
        }

        /// <summary>Reads one quote from the Bank API.</summary>
        public static async Task<string> GetQuoteAsync(IHttpClientFactory factory, string quoteGuid)
        {
            // CYB0005: a token source that never cancels does not bound the call either.
            using var cancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan);
            var client = factory.CreateClient(BankClient);
            return await client.GetStringAsync("quotes/" + Uri.EscapeDataString(quoteGuid), cancellation.Token);
        }
    }
}

using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cybrid.Sample
{
    /// <summary>A typed HttpClient for the Cybrid Bank API.</summary>
    public sealed class CybridBankClient
    {
        private const string PricesPath = "http://bank.sandbox.cybrid.app/api/prices";

        private readonly HttpClient _http;

        public CybridBankClient(HttpClient http, CybridSettings settings)
        {
            _http = http;
            _http.BaseAddress = new Uri(settings.BankBaseUrl);
        }

        // CYB0004 at the use of PricesPath: the constant holds a plain-HTTP Cybrid URL.
        public Task<string> GetPricesAsync(CancellationToken cancellationToken)
            => _http.GetStringAsync(PricesPath, cancellationToken);
    }
}

namespace Cybrid.Sample
{
    /// <summary>Where the integration talks to Cybrid, and where Cybrid calls back.</summary>
    public sealed class CybridSettings
    {
        // CYB0004: the Bank API over plain HTTP.
        public string BankBaseUrl { get; set; } = "http://bank.sandbox.cybrid.app/api/";

        // CYB0004: the webhook endpoint Cybrid will post customer events to, over plain HTTP.
        public string WebhookUrl { get; set; } = "http://hooks.example.com/cybrid/events";

        // Fine: https, and a loopback URL for local development.
        public string IdentityBaseUrl { get; set; } = "https://id.sandbox.cybrid.app";

        public string LocalMockUrl { get; set; } = "http://localhost:5080";
    }
}

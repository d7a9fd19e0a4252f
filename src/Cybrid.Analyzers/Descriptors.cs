using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers
{
    /// <summary>
    /// Every diagnostic the package reports, in one file so a reviewer reads the whole catalog at once.
    /// Titles have no final period; messages say what to do; descriptions give the Cybrid reason.
    /// </summary>
    internal static class Descriptors
    {
        /// <summary>Custom tag on the rules that <c>build/Cybrid.Analyzers.targets</c> turns into errors in CI.</summary>
        public const string RequiredTag = "CybridRequired";

        /// <summary>Custom tag on the rules that CI escalates only with <c>CybridAnalyzersEnforce=all</c>.</summary>
        public const string RecommendedTag = "CybridRecommended";

        public static readonly DiagnosticDescriptor CYB0000_InvalidOption = new DiagnosticDescriptor(
            id: RuleIdentifiers.InvalidOption,
            title: "Invalid Cybrid.Analyzers option",
            messageFormat: "The option '{0}' has the value '{1}', which is not {2}; the default ({3}) is used",
            category: RuleCategories.Configuration,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A cybrid_analyzers.* key in .editorconfig or .globalconfig could not be parsed. Analysis goes on with the option's default value; fix the value so the rule behaves as configured.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.InvalidOption));

        public static readonly DiagnosticDescriptor CYB0001_HardcodedCredential = new DiagnosticDescriptor(
            id: RuleIdentifiers.HardcodedCredential,
            title: "Hard-coded Cybrid credential",
            messageFormat: "{0} is hard-coded ({1}); read it from configuration or a secret store",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Cybrid client IDs, client secrets, tokens and signing keys must stay server-side and out of source code, where anyone with access to the repository or the binaries can read them.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.HardcodedCredential),
            customTags: RequiredTag);

        /// <summary>The same rule as <see cref="CYB0001_HardcodedCredential"/>, worded for a client ID, which identifies the application but is not secret on its own.</summary>
        public static readonly DiagnosticDescriptor CYB0001_HardcodedClientId = new DiagnosticDescriptor(
            id: RuleIdentifiers.HardcodedCredential,
            title: "Hard-coded Cybrid credential",
            messageFormat: "{0} is a hard-coded client ID ({1}); it is less sensitive than a secret, but keep it in configuration next to the client secret",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Cybrid client IDs, client secrets, tokens and signing keys must stay server-side and out of source code, where anyone with access to the repository or the binaries can read them.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.HardcodedCredential),
            customTags: RequiredTag);

        public static readonly DiagnosticDescriptor CYB0002_PrivilegedTokenOnCustomerRequest = new DiagnosticDescriptor(
            id: RuleIdentifiers.PrivilegedTokenOnCustomerRequest,
            title: "Bank or organization token used for a customer-scoped request",
            messageFormat: "Customer-scoped {0} authorized with {1} token; use a customer token with {2}",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Cybrid requires requests made on behalf of one customer to carry a customer-scoped token minted with POST /api/customer_tokens, so a bug cannot act on the wrong customer with bank-wide privileges.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.PrivilegedTokenOnCustomerRequest),
            customTags: RequiredTag);

        public static readonly DiagnosticDescriptor CYB0003_NonConstantTimeSignatureComparison = new DiagnosticDescriptor(
            id: RuleIdentifiers.NonConstantTimeSignatureComparison,
            title: "Signature compared in non-constant time",
            messageFormat: "'{0}' compares {1} in non-constant time; use a constant-time comparison such as CryptographicOperations.FixedTimeEquals",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Webhook signatures (X-Cybrid-Signature, an HMAC-SHA256 of the body) must be compared in constant time; an early-exit comparison lets an attacker forge a signature byte by byte from response timings.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.NonConstantTimeSignatureComparison),
            customTags: RequiredTag);

        public static readonly DiagnosticDescriptor CYB0004_PlainHttpUri = new DiagnosticDescriptor(
            id: RuleIdentifiers.PlainHttpUri,
            title: "Plain-HTTP URI",
            messageFormat: "'{0}' reaches {1} over plain {2}; use {3}",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every call to Cybrid and every webhook endpoint must use TLS. A plain http:// or ws:// URL sends tokens, signatures and customer data in clear text.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.PlainHttpUri),
            customTags: RequiredTag);

        /// <summary>The same rule as <see cref="CYB0004_PlainHttpUri"/>, worded for a URL whose host is Cybrid's.</summary>
        public static readonly DiagnosticDescriptor CYB0004_PlainHttpCybridUri = new DiagnosticDescriptor(
            id: RuleIdentifiers.PlainHttpUri,
            title: "Plain-HTTP URI",
            messageFormat: "'{0}' is a Cybrid {1} URL and reaches {2} over plain {3}: bearer tokens and customer data would travel in clear text; use {4}",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every call to Cybrid and every webhook endpoint must use TLS. A plain http:// or ws:// URL sends tokens, signatures and customer data in clear text.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.PlainHttpUri),
            customTags: RequiredTag);

        public static readonly DiagnosticDescriptor CYB0005_InfiniteHttpTimeout = new DiagnosticDescriptor(
            id: RuleIdentifiers.InfiniteHttpTimeout,
            title: "Infinite or disabled HTTP timeout",
            messageFormat: "{0} is {1}; use a bounded timeout such as {2}",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Cybrid recommends a timeout of about 30 seconds for standard calls and never an infinite one, so a hung connection cannot stall a payment flow forever. An infinite HttpClient, handler, web-request or generated-client timeout, an infinite CancellationTokenSource delay around an HTTP call, or an HttpClient timeout above the configured maximum is reported.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.InfiniteHttpTimeout),
            customTags: RequiredTag);

        public static readonly DiagnosticDescriptor CYB0006_SecretWrittenToLog = new DiagnosticDescriptor(
            id: RuleIdentifiers.SecretWrittenToLog,
            title: "Token or Authorization header written to a log",
            messageFormat: "{0} logs {1}; {2}",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A Cybrid bearer token copied into a log file stays a working credential until it expires (up to 30 minutes), readable by anyone with access to the logs. Never log tokens, client secrets, signing keys, Authorization headers or whole requests and header collections that carry them.",
            helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.SecretWrittenToLog),
            customTags: RequiredTag);
    }
}

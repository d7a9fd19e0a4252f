using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers
{
    /// <summary>What an option's value must look like.</summary>
    internal enum OptionKind
    {
        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,

        /// <summary>A whole number greater than zero.</summary>
        PositiveInteger,

        /// <summary>A comma-separated list of words; any text parses.</summary>
        List,
    }

    /// <summary>One documented option of a rule: <c>cybrid_analyzers.&lt;rule&gt;.&lt;name&gt;</c>, falling back to <c>cybrid_analyzers.&lt;name&gt;</c>.</summary>
    internal sealed class OptionDefinition
    {
        public OptionDefinition(string ruleId, string name, OptionKind kind, string defaultText)
        {
            RuleId = ruleId;
            Name = name;
            Kind = kind;
            DefaultText = defaultText;
            RuleKey = CybridOptions.Prefix + ruleId + "." + name;
            GlobalKey = CybridOptions.Prefix + name;
        }

        public string RuleId { get; }

        public string Name { get; }

        public OptionKind Kind { get; }

        /// <summary>The default as the docs state it.</summary>
        public string DefaultText { get; }

        public string RuleKey { get; }

        public string GlobalKey { get; }
    }

    /// <summary>
    /// Reads <c>cybrid_analyzers.*</c> keys from .editorconfig / .globalconfig. The rule key wins over the
    /// package-wide key. A value that cannot be parsed yields the default; <see cref="ReportInvalidValues"/>
    /// tells the user once per file (CYB0000).
    /// </summary>
    internal static class CybridOptions
    {
        public const string Prefix = "cybrid_analyzers.";

        // Every key the package reads. The documentation test checks that each rule page names its keys.

        /// <summary>CYB0001: extra word parts that make a name a secret's name.</summary>
        public static readonly OptionDefinition CredentialAdditionalSecretNames =
            new OptionDefinition(RuleIdentifiers.HardcodedCredential, "additional_secret_names", OptionKind.List, "empty");

        /// <summary>CYB0001: skip projects that reference a test framework.</summary>
        public static readonly OptionDefinition CredentialExcludeTestProjects =
            new OptionDefinition(RuleIdentifiers.HardcodedCredential, "exclude_test_projects", OptionKind.Boolean, "false");

        /// <summary>CYB0002: clients (type or member names) that talk to the Cybrid Bank API.</summary>
        public static readonly OptionDefinition TokenBankApiClients =
            new OptionDefinition(RuleIdentifiers.PrivilegedTokenOnCustomerRequest, "bank_api_clients", OptionKind.List, "empty");

        /// <summary>CYB0002: members that return a bank or organization token.</summary>
        public static readonly OptionDefinition TokenBankTokenSources =
            new OptionDefinition(RuleIdentifiers.PrivilegedTokenOnCustomerRequest, "bank_token_sources", OptionKind.List, "empty");

        /// <summary>CYB0002: members that return a customer token.</summary>
        public static readonly OptionDefinition TokenCustomerTokenSources =
            new OptionDefinition(RuleIdentifiers.PrivilegedTokenOnCustomerRequest, "customer_token_sources", OptionKind.List, "empty");

        /// <summary>CYB0002: also report customer reads (GET).</summary>
        public static readonly OptionDefinition TokenIncludeReads =
            new OptionDefinition(RuleIdentifiers.PrivilegedTokenOnCustomerRequest, "include_reads", OptionKind.Boolean, "true");

        /// <summary>CYB0002: identifier names (bank/org/customer + token) count as evidence.</summary>
        public static readonly OptionDefinition TokenNameHeuristics =
            new OptionDefinition(RuleIdentifiers.PrivilegedTokenOnCustomerRequest, "name_heuristics", OptionKind.Boolean, "true");

        /// <summary>CYB0004: hosts whose plain-HTTP URLs are accepted.</summary>
        public static readonly OptionDefinition PlainHttpAllowedHosts =
            new OptionDefinition(RuleIdentifiers.PlainHttpUri, "allowed_hosts", OptionKind.List, "empty");

        /// <summary>CYB0005: the largest accepted HttpClient.Timeout, in seconds.</summary>
        public static readonly OptionDefinition TimeoutMaxSeconds =
            new OptionDefinition(RuleIdentifiers.InfiniteHttpTimeout, "max_timeout_seconds", OptionKind.PositiveInteger, "300");

        /// <summary>CYB0005: the timeout the code fix writes, in seconds.</summary>
        public static readonly OptionDefinition TimeoutRecommendedSeconds =
            new OptionDefinition(RuleIdentifiers.InfiniteHttpTimeout, "recommended_timeout_seconds", OptionKind.PositiveInteger, "30");

        /// <summary>CYB0006: extra word parts that make a name a token's or secret's name.</summary>
        public static readonly OptionDefinition LogAdditionalSecretNames =
            new OptionDefinition(RuleIdentifiers.SecretWrittenToLog, "additional_secret_names", OptionKind.List, "empty");

        /// <summary>CYB0006: a name whose only secret word is a bare "token" (<c>token</c>, <c>customerToken</c>) counts.</summary>
        public static readonly OptionDefinition LogTreatTokenAsSecret =
            new OptionDefinition(RuleIdentifiers.SecretWrittenToLog, "treat_token_as_secret", OptionKind.Boolean, "true");

        /// <summary>Every option of the package; the documentation test reads this.</summary>
        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create(
            CredentialAdditionalSecretNames,
            CredentialExcludeTestProjects,
            TokenBankApiClients,
            TokenBankTokenSources,
            TokenCustomerTokenSources,
            TokenIncludeReads,
            TokenNameHeuristics,
            PlainHttpAllowedHosts,
            TimeoutMaxSeconds,
            TimeoutRecommendedSeconds,
            LogAdditionalSecretNames,
            LogTreatTokenAsSecret);

        public static bool TryGetRaw(AnalyzerConfigOptions options, OptionDefinition definition, out string value, out string key)
        {
            if (options.TryGetValue(definition.RuleKey, out var raw))
            {
                key = definition.RuleKey;
                value = raw;
                return true;
            }

            if (options.TryGetValue(definition.GlobalKey, out raw))
            {
                key = definition.GlobalKey;
                value = raw;
                return true;
            }

            key = definition.RuleKey;
            value = string.Empty;
            return false;
        }

        public static bool GetBoolean(AnalyzerConfigOptions options, OptionDefinition definition, bool defaultValue)
            => TryGetRaw(options, definition, out var raw, out _) && TryParseBoolean(raw, out var value) ? value : defaultValue;

        public static int GetPositiveInteger(AnalyzerConfigOptions options, OptionDefinition definition, int defaultValue)
            => TryGetRaw(options, definition, out var raw, out _) && TryParsePositiveInteger(raw, out var value) ? value : defaultValue;

        /// <summary>The trimmed, non-empty items of a comma-separated list (empty when the key is absent).</summary>
        public static ImmutableArray<string> GetList(AnalyzerConfigOptions options, OptionDefinition definition)
            => TryGetRaw(options, definition, out var raw, out _) ? ParseList(raw) : ImmutableArray<string>.Empty;

        public static ImmutableArray<string> ParseList(string raw)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var part in raw.Split(','))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }

        public static bool TryParseBoolean(string raw, out bool value)
        {
            var text = raw.Trim();
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                value = false;
                return true;
            }

            value = false;
            return false;
        }

        public static bool TryParsePositiveInteger(string raw, out int value)
            => int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

        /// <summary>
        /// Reports CYB0000 once in <paramref name="context"/>'s file (on its first token) for each of <paramref name="definitions"/> whose
        /// configured value cannot be parsed. Register it with <c>RegisterSyntaxTreeAction</c> in each analyzer that
        /// reads options, and list <see cref="Descriptors.CYB0000_InvalidOption"/> among its supported diagnostics.
        /// </summary>
        public static void ReportInvalidValues(SyntaxTreeAnalysisContext context, ImmutableArray<OptionDefinition> definitions)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree);
            Location? location = null;
            foreach (var definition in definitions)
            {
                if (!TryGetRaw(options, definition, out var raw, out var key) || IsValid(definition.Kind, raw))
                {
                    continue;
                }

                // on the file's first token, so that a #pragma at the top of the file can still suppress it
                location ??= context.Tree.GetRoot(context.CancellationToken).GetFirstToken(includeZeroWidth: true).GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CYB0000_InvalidOption,
                    location,
                    key,
                    raw,
                    Expectation(definition.Kind),
                    definition.DefaultText));
            }
        }

        private static bool IsValid(OptionKind kind, string raw)
        {
            switch (kind)
            {
                case OptionKind.Boolean:
                    return TryParseBoolean(raw, out _);
                case OptionKind.PositiveInteger:
                    return TryParsePositiveInteger(raw, out _);
                default:
                    return true;
            }
        }

        private static string Expectation(OptionKind kind)
        {
            switch (kind)
            {
                case OptionKind.Boolean:
                    return "true or false";
                case OptionKind.PositiveInteger:
                    return "a whole number greater than 0";
                default:
                    return "a comma-separated list";
            }
        }
    }

    /// <summary>
    /// Caches a value parsed from options, per <see cref="AnalyzerConfigOptions"/> instance (files that share an
    /// .editorconfig section share one instance). Create one per compilation, in CompilationStart.
    /// </summary>
    internal sealed class ParsedOptionsCache<T>
        where T : class
    {
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, T> _cache = new ConditionalWeakTable<AnalyzerConfigOptions, T>();
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, T>.CreateValueCallback _factory;

        public ParsedOptionsCache(Func<AnalyzerConfigOptions, T> parse)
        {
            _factory = options => parse(options);
        }

        public T Get(AnalyzerOptions options, SyntaxTree tree)
            => _cache.GetValue(options.AnalyzerConfigOptionsProvider.GetOptions(tree), _factory);
    }
}

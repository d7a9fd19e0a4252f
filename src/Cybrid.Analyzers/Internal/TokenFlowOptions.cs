using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// One entry of a CYB0002 list option: a type or member named by its dotted name, with an optional
    /// documentation-comment prefix (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>) and parameter list, which are ignored;
    /// <c>Namespace.Type.*</c> names every member of a type; a name without dots matches a member or type by its
    /// simple name.
    /// </summary>
    internal sealed class SymbolPattern
    {
        private SymbolPattern(string name, bool allMembers)
        {
            Name = name;
            AllMembers = allMembers;
            IsSimple = name.IndexOf('.') < 0;
        }

        /// <summary>The dotted name (without <c>.*</c>).</summary>
        public string Name { get; }

        public bool AllMembers { get; }

        public bool IsSimple { get; }

        public static SymbolPattern? Parse(string text)
        {
            var name = text.Trim();
            if (name.Length > 2 && name[1] == ':' && char.IsLetter(name[0]))
            {
                name = name.Substring(2);
            }

            if (name.StartsWith("global::", StringComparison.Ordinal))
            {
                name = name.Substring("global::".Length);
            }

            var parenthesis = name.IndexOf('(');
            if (parenthesis >= 0)
            {
                name = name.Substring(0, parenthesis);
            }

            name = name.Replace('+', '.').Trim();
            var allMembers = false;
            if (name.EndsWith(".*", StringComparison.Ordinal))
            {
                allMembers = true;
                name = name.Substring(0, name.Length - 2);
            }

            return name.Length == 0 || name == "*" ? null : new SymbolPattern(name, allMembers);
        }

        /// <summary>True when the pattern names <paramref name="symbol"/> itself (or, for <c>Type.*</c>, its containing type).</summary>
        public bool MatchesMember(ISymbol symbol)
        {
            if (IsSimple)
            {
                return !AllMembers && symbol.Name == Name;
            }

            if (AllMembers)
            {
                return symbol.ContainingType != null && MatchesType(symbol.ContainingType);
            }

            return symbol.Name.Length < Name.Length && Name.EndsWith(symbol.Name, StringComparison.Ordinal)
                   && Name[Name.Length - symbol.Name.Length - 1] == '.'
                   && symbol.ContainingType != null
                   && string.Equals(TokenFlowFacts.FullName(symbol.ContainingType), Name.Substring(0, Name.Length - symbol.Name.Length - 1), StringComparison.Ordinal);
        }

        /// <summary>True when the pattern names <paramref name="type"/> (a simple pattern also matches the type's simple name).</summary>
        public bool MatchesType(ITypeSymbol type)
        {
            if (IsSimple)
            {
                return type.Name == Name;
            }

            return type.Name.Length <= Name.Length && Name.EndsWith(type.Name, StringComparison.Ordinal)
                   && string.Equals(TokenFlowFacts.FullName(type), Name, StringComparison.Ordinal);
        }
    }

    /// <summary>The CYB0002 options of one file, parsed once per .editorconfig section.</summary>
    internal sealed class TokenFlowOptions
    {
        public static readonly ImmutableArray<OptionDefinition> Definitions = ImmutableArray.Create(
            CybridOptions.TokenBankApiClients,
            CybridOptions.TokenBankTokenSources,
            CybridOptions.TokenCustomerTokenSources,
            CybridOptions.TokenIncludeReads,
            CybridOptions.TokenNameHeuristics);

        private TokenFlowOptions(AnalyzerConfigOptions options)
        {
            IncludeReads = CybridOptions.GetBoolean(options, CybridOptions.TokenIncludeReads, true);
            NameHeuristics = CybridOptions.GetBoolean(options, CybridOptions.TokenNameHeuristics, true);
            BankApiClients = Parse(CybridOptions.GetList(options, CybridOptions.TokenBankApiClients));
            BankTokenSources = Parse(CybridOptions.GetList(options, CybridOptions.TokenBankTokenSources));
            CustomerTokenSources = Parse(CybridOptions.GetList(options, CybridOptions.TokenCustomerTokenSources));
        }

        public bool IncludeReads { get; }

        public bool NameHeuristics { get; }

        public ImmutableArray<SymbolPattern> BankApiClients { get; }

        public ImmutableArray<SymbolPattern> BankTokenSources { get; }

        public ImmutableArray<SymbolPattern> CustomerTokenSources { get; }

        public static TokenFlowOptions Create(AnalyzerConfigOptions options) => new TokenFlowOptions(options);

        /// <summary>The kind the configured token sources give <paramref name="symbol"/> (a member, or the type of a value).</summary>
        public TokenKind ConfiguredKind(ISymbol? symbol, ITypeSymbol? valueType)
        {
            var kind = TokenKind.None;
            if (Matches(BankTokenSources, symbol, valueType))
            {
                kind |= TokenKind.Bank;
            }

            if (Matches(CustomerTokenSources, symbol, valueType))
            {
                kind |= TokenKind.Customer;
            }

            return kind;
        }

        public bool IsBankApiClient(ISymbol? member, ITypeSymbol? type)
            => Matches(BankApiClients, member, type);

        private static bool Matches(ImmutableArray<SymbolPattern> patterns, ISymbol? symbol, ITypeSymbol? valueType)
        {
            if (patterns.IsEmpty)
            {
                return false;
            }

            var type = TokenFlowFacts.UnwrapTask(valueType);
            foreach (var pattern in patterns)
            {
                if ((symbol != null && pattern.MatchesMember(symbol)) || (type is INamedTypeSymbol named && named.SpecialType == SpecialType.None && pattern.MatchesType(named)))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<SymbolPattern> Parse(ImmutableArray<string> items)
        {
            if (items.IsEmpty)
            {
                return ImmutableArray<SymbolPattern>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<SymbolPattern>(items.Length);
            foreach (var item in items)
            {
                var pattern = SymbolPattern.Parse(item);
                if (pattern != null)
                {
                    builder.Add(pattern);
                }
            }

            return builder.ToImmutable();
        }
    }
}

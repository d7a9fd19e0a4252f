using System;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// CYB0002: what a token value is known to be. Flags, so that joining the values of several writes keeps every
    /// kind seen: a bank token on one path and a customer token on another is a conflict, and a write CYB0002 cannot
    /// read (<see cref="Unknown"/>) makes the whole join unknown. Only a join that is bank and/or organization and
    /// nothing else counts as privileged.
    /// </summary>
    [Flags]
    internal enum TokenKind
    {
        /// <summary>No value (a <c>null</c> literal): neutral in a join.</summary>
        None = 0,

        /// <summary>A bank token (client credentials of a bank application).</summary>
        Bank = 1,

        /// <summary>An organization token (client credentials with organization scopes).</summary>
        Organization = 2,

        /// <summary>A customer token (minted with <c>POST /api/customer_tokens</c>).</summary>
        Customer = 4,

        /// <summary>Some path yields a value of unknown provenance.</summary>
        Unknown = 8,
    }

    /// <summary>Names, types and members CYB0002 recognizes, and the lattice helpers of <see cref="TokenKind"/>.</summary>
    internal static class TokenFlowFacts
    {
        public static bool IsPrivileged(TokenKind kind)
            => (kind & (TokenKind.Unknown | TokenKind.Customer)) == 0 && (kind & (TokenKind.Bank | TokenKind.Organization)) != 0;

        public static bool IsCustomer(TokenKind kind) => kind == TokenKind.Customer;

        /// <summary>
        /// Several kinds of evidence about one expression: evidence that knows nothing (unknown provenance) gives way
        /// to evidence that knows something (a name), and disagreeing evidence stays visible as a conflict.
        /// </summary>
        public static TokenKind CombineEvidence(TokenKind provenance, TokenKind other)
        {
            if (other == TokenKind.None)
            {
                return provenance;
            }

            if (provenance == TokenKind.None || (provenance & TokenKind.Unknown) != 0)
            {
                return other;
            }

            return provenance | other;
        }

        /// <summary>
        /// The kind an identifier names when its word parts say bank, org(anization) or customer immediately followed by
        /// token, access token or bearer token (<c>_bankToken</c>, <c>GetOrganizationTokenAsync</c>,
        /// <c>customerAccessToken</c>). Bare <c>token</c>/<c>accessToken</c> say nothing.
        /// </summary>
        public static TokenKind KindFromName(string? name)
        {
            if (name == null || name.Length < 8)
            {
                return TokenKind.None;
            }

            var kind = TokenKind.None;
            if (NamesToken(name, "bank"))
            {
                kind |= TokenKind.Bank;
            }

            if (NamesToken(name, "org") || NamesToken(name, "organization"))
            {
                kind |= TokenKind.Organization;
            }

            if (NamesToken(name, "customer"))
            {
                kind |= TokenKind.Customer;
            }

            return kind;
        }

        /// <summary>Types named <c>*BankToken*</c>, <c>*OrganizationToken*</c> or <c>*CustomerToken*</c> (on word parts).</summary>
        public static TokenKind KindFromType(ITypeSymbol? type)
        {
            var named = UnwrapTask(type) as INamedTypeSymbol;
            if (named == null || named.SpecialType != SpecialType.None || named.Name.Length < 9)
            {
                return TokenKind.None;
            }

            var kind = TokenKind.None;
            var name = named.Name;
            if (IdentifierWords.Contains(name, "banktoken") || IdentifierWords.Contains(name, "bankaccesstoken"))
            {
                kind |= TokenKind.Bank;
            }

            if (IdentifierWords.Contains(name, "organizationtoken") || IdentifierWords.Contains(name, "organizationaccesstoken"))
            {
                kind |= TokenKind.Organization;
            }

            if (IdentifierWords.Contains(name, "customertoken") || IdentifierWords.Contains(name, "customeraccesstoken"))
            {
                kind |= TokenKind.Customer;
            }

            return kind;
        }

        /// <summary>Strings, <c>Task&lt;string&gt;</c>/<c>ValueTask&lt;string&gt;</c> and token-typed values: what a token can be held in.</summary>
        public static bool CanHoldToken(ITypeSymbol? type)
        {
            var inner = UnwrapTask(type);
            return inner != null && (inner.SpecialType == SpecialType.System_String || KindFromType(inner) != TokenKind.None
                                     || inner.Name == "AuthenticationHeaderValue");
        }

        /// <summary><c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> → T.</summary>
        public static ITypeSymbol? UnwrapTask(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && (generic.Name == "Task" || generic.Name == "ValueTask")
                && generic.ContainingNamespace is { Name: "Tasks" })
            {
                return generic.TypeArguments[0];
            }

            return type;
        }

        /// <summary>Members that hold the access token of a token response: <c>AccessToken</c>, <c>access_token</c>.</summary>
        public static bool IsAccessTokenName(string name)
            => name == "access_token" || IdentifierWords.EndsWith(name, "accesstoken");

        /// <summary>The words for a message: an organization token when only organization evidence exists, a bank token otherwise.</summary>
        public static string Describe(TokenKind kind) => kind == TokenKind.Organization ? "an organization" : "a bank";

        /// <summary>
        /// A field or property of <paramref name="type"/> that only <paramref name="type"/> can write: a private or
        /// read-only field, or a property without a setter (or with a private one).
        /// </summary>
        public static bool IsClosedMember(ISymbol member, INamedTypeSymbol type)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type.OriginalDefinition))
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return field.IsConst || field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private;
                case IPropertySymbol property:
                    return property.SetMethod == null
                           || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly)
                           || property.DeclaredAccessibility == Accessibility.Private;
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="type"/> is or derives from a type named <paramref name="name"/> in <paramref name="ns"/>.</summary>
        public static bool DerivesFrom(ITypeSymbol? type, string name, string ns)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == name && NamespaceIs(current.ContainingNamespace, ns))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the namespace's full name is <paramref name="fullName"/> (dotted).</summary>
        public static bool NamespaceIs(INamespaceSymbol? ns, string fullName)
        {
            var end = fullName.Length;
            while (ns != null && !ns.IsGlobalNamespace && end > 0)
            {
                var start = fullName.LastIndexOf('.', end - 1) + 1;
                if (end - start != ns.Name.Length || string.CompareOrdinal(fullName, start, ns.Name, 0, ns.Name.Length) != 0)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                end = start - 1;
                if (end < 0)
                {
                    return ns == null || ns.IsGlobalNamespace;
                }
            }

            return false;
        }

        /// <summary>True when a namespace's name or an enclosing one contains <paramref name="word"/> (case-insensitive).</summary>
        public static bool NamespaceContains(INamespaceSymbol? ns, string word)
        {
            for (var current = ns; current != null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                if (current.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The dotted name of a type (<c>Acme.Cybrid.TokenService</c>, nested types joined with dots).</summary>
        public static string FullName(ISymbol symbol)
        {
            var builder = new StringBuilder();
            AppendFullName(builder, symbol);
            return builder.ToString();
        }

        private static void AppendFullName(StringBuilder builder, ISymbol symbol)
        {
            var container = (ISymbol?)symbol.ContainingType ?? symbol.ContainingNamespace;
            if (container != null && !(container is INamespaceSymbol { IsGlobalNamespace: true }))
            {
                AppendFullName(builder, container);
                builder.Append('.');
            }

            builder.Append(symbol.Name);
        }

        private static bool NamesToken(string name, string qualifier)
            => IdentifierWords.Contains(name, qualifier + "token")
               || IdentifierWords.Contains(name, qualifier + "accesstoken")
               || IdentifierWords.Contains(name, qualifier + "bearertoken");
    }
}

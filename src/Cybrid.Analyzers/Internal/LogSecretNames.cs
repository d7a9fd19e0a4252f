using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// CYB0006: which identifiers, template placeholders, header names and configuration keys name a token or a
    /// secret. Matching is on word parts (see <see cref="IdentifierWords"/>): <c>accessToken</c>,
    /// <c>ACCESS_TOKEN</c>, <c>access-token</c> and <c>Cybrid:AccessToken</c> all match. A name whose last words
    /// describe the secret instead of holding it (<c>TokenType</c>, <c>tokenUrl</c>, <c>SecretName</c>,
    /// <c>ExpiresIn</c>) does not match, nor do the framework's non-secret tokens (<c>cancellationToken</c>,
    /// <c>continuationToken</c>, <c>nextPageToken</c>). One instance per distinct set of options.
    /// </summary>
    internal sealed class LogSecretNames
    {
        /// <summary>Word runs that make a name a secret's name, whatever <c>treat_token_as_secret</c> says.</summary>
        private static readonly ImmutableArray<string> SecretWords = ImmutableArray.Create(
            "accesstoken", "refreshtoken", "idtoken", "authtoken", "bearertoken", "sessiontoken", "customertoken", "banktoken",
            "bearer", "jwt", "secret", "clientsecret", "signingkey", "privatekey", "apikey", "password", "passwd",
            "passphrase", "authorization", "authheader");

        /// <summary>Last words that say the name describes a secret rather than holding it.</summary>
        private static readonly ImmutableArray<string> DescriptiveEndings = ImmutableArray.Create(
            "type", "kind", "url", "uri", "endpoint", "path", "route", "name", "id", "arn", "length", "count", "size",
            "expiry", "expires", "expiration", "expiresin", "expiresat", "expireson", "lifetime", "ttl", "scope",
            "scopes", "hint", "policy", "prompt", "label", "placeholder", "format", "version", "provider", "source",
            "location", "file", "issuer", "audience", "algorithm", "scheme", "claim", "claims", "hash", "prefix",
            "suffix", "exists", "valid", "required");

        /// <summary>Words anywhere in a name that say the value was already made safe (<c>maskedToken</c>, <c>redactedHeader</c>).</summary>
        private static readonly ImmutableArray<string> SafeQualifiers = ImmutableArray.Create(
            "masked", "redacted", "hashed", "obfuscated", "sanitized", "truncated", "scrubbed", "anonymized");

        /// <summary>Framework and protocol values named "token" that are not credentials.</summary>
        private static readonly ImmutableArray<string> NonSecretTokens = ImmutableArray.Create(
            "cancellationtoken", "continuationtoken", "pagetoken", "pagingtoken", "nextpagetoken", "nexttoken",
            "resumetoken", "synctoken", "changetoken", "skiptoken");

        /// <summary>Word parts of helpers that hide a value: their result is safe to log.</summary>
        private static readonly ImmutableArray<string> MaskingWords = ImmutableArray.Create(
            "mask", "redact", "sanitize", "scrub", "obfuscate", "anonymize", "hash", "fingerprint", "truncate");

        private readonly ImmutableArray<string> _additional;
        private readonly bool _bareToken;
        private readonly ConcurrentDictionary<ITypeSymbol, string> _tokenMembers =
            new ConcurrentDictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);

        public LogSecretNames(ImmutableArray<string> additionalWords, bool bareTokenIsSecret)
        {
            var builder = ImmutableArray.CreateBuilder<string>(additionalWords.Length);
            foreach (var word in additionalWords)
            {
                var normalized = Normalize(word);
                if (normalized.Length > 0)
                {
                    builder.Add(normalized);
                }
            }

            _additional = builder.ToImmutable();
            _bareToken = bareTokenIsSecret;
        }

        /// <summary>True for <c>accessToken</c>, <c>ClientSecret</c>, <c>X-Api-Key</c>, <c>Cybrid:ClientSecret</c>, <c>token</c> (when enabled).</summary>
        public bool IsSecret(string? name)
        {
            if (name == null || name.Length < 3)
            {
                return false;
            }

            if (!MatchesAny(name, SecretWords) && !MatchesAny(name, _additional)
                && !(_bareToken && IdentifierWords.Contains(name, "token")))
            {
                return false;
            }

            if (MatchesAny(name, NonSecretTokens) || MatchesAny(name, SafeQualifiers))
            {
                return false;
            }

            foreach (var ending in DescriptiveEndings)
            {
                if (IdentifierWords.EndsWith(name, ending))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for <c>Authorization</c> and <c>Proxy-Authorization</c> (any case), or a secret's name (<c>X-Api-Key</c>).</summary>
        public bool IsSensitiveKey(string key)
            => IsAuthorizationHeaderName(key) || IsSecret(key);

        public static bool IsAuthorizationHeaderName(string key)
            => string.Equals(key, "Authorization", StringComparison.OrdinalIgnoreCase)
               || string.Equals(key, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

        /// <summary>True for <c>Mask</c>, <c>RedactToken</c>, <c>Sanitize</c>, <c>HashForLog</c>: a helper meant to hide what it is given.</summary>
        public static bool IsMaskingMethod(string name) => MatchesAny(name, MaskingWords);

        /// <summary>
        /// The name of the first public instance member of <paramref name="type"/> that holds a token or secret
        /// (by its own name or its JSON / data-contract name, such as <c>[JsonPropertyName("access_token")]</c>), or
        /// null. Framework types are not looked into. Cached per type.
        /// </summary>
        public string? TokenMemberOf(ITypeSymbol type, Func<ITypeSymbol, bool> isTextLike)
        {
            if (!(type is INamedTypeSymbol named) || (named.TypeKind != TypeKind.Class && named.TypeKind != TypeKind.Struct)
                || named.SpecialType != SpecialType.None || IsFrameworkNamespace(named.ContainingNamespace))
            {
                return null;
            }

            if (_tokenMembers.TryGetValue(named, out var cached))
            {
                return cached.Length == 0 ? null : cached;
            }

            var found = string.Empty;
            foreach (var member in named.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType != null && isTextLike(memberType) && (IsSecret(member.Name) || IsSecret(SerializedName(member))))
                {
                    found = member.Name;
                    break;
                }
            }

            _tokenMembers.TryAdd(named, found);
            return found.Length == 0 ? null : found;
        }

        /// <summary>The name given by <c>[JsonPropertyName]</c>, Newtonsoft's <c>[JsonProperty]</c> or <c>[DataMember(Name = …)]</c>.</summary>
        public static string? SerializedName(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name != "JsonPropertyNameAttribute" && name != "JsonPropertyAttribute" && name != "DataMemberAttribute")
                {
                    continue;
                }

                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string positional)
                {
                    return positional;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if ((named.Key == "Name" || named.Key == "PropertyName") && named.Value.Value is string value)
                    {
                        return value;
                    }
                }
            }

            return null;
        }

        private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
        {
            if (ns == null)
            {
                return false;
            }

            while (ns.ContainingNamespace != null && !ns.ContainingNamespace.IsGlobalNamespace)
            {
                ns = ns.ContainingNamespace;
            }

            return ns.Name == "System" || ns.Name == "Microsoft";
        }

        private static bool MatchesAny(string name, ImmutableArray<string> patterns)
        {
            foreach (var pattern in patterns)
            {
                if (IdentifierWords.Contains(name, pattern))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Normalize(string word)
        {
            var builder = new StringBuilder(word.Length);
            foreach (var c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}

using System;
using System.Collections.Immutable;
using System.Text;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>What a name says about the value it holds.</summary>
    internal enum CredentialNameKind
    {
        /// <summary>Nothing secret.</summary>
        None,

        /// <summary>A client ID: identifies the application, less sensitive than a secret.</summary>
        ClientId,

        /// <summary>A secret, password, API key, private or signing key, access or bearer token.</summary>
        Secret,
    }

    /// <summary>What a literal looks like on its own, whatever it is assigned to.</summary>
    internal enum CredentialShape
    {
        None,

        /// <summary>A JSON Web Token: <c>eyJ…</c>, three base64url parts, a JSON header with <c>alg</c> or <c>typ</c>.</summary>
        Jwt,

        /// <summary>A PEM block whose label ends in <c>PRIVATE KEY</c>, with a body.</summary>
        PemPrivateKey,
    }

    /// <summary>
    /// CYB0001's vocabulary: which names say secret (on word parts, through <see cref="IdentifierWords"/>), which
    /// values are placeholders, setting names, header names or UI text rather than credentials, what a JWT or a PEM
    /// private key looks like, and where JSON or form text carries a <c>client_secret</c>.
    /// </summary>
    internal static class CredentialPatterns
    {
        /// <summary>Word runs that make a name a secret's name (<c>api_key</c> is written without its separator).</summary>
        public static readonly ImmutableArray<string> SecretWords = ImmutableArray.Create(
            "secret", "password", "passwd", "apikey", "privatekey", "signingkey", "accesstoken", "bearer");

        /// <summary>The word run of a client ID, reported with the milder wording.</summary>
        public const string ClientIdWords = "clientid";

        /// <summary>
        /// Last words that turn a secret's name into the name of something about the secret: <c>PasswordPrompt</c>,
        /// <c>ClientSecretHeaderName</c>, <c>ApiKeyPrefix</c>, <c>AccessTokenUrl</c>, <c>SecretPath</c>.
        /// </summary>
        private static readonly ImmutableArray<string> Qualifiers = ImmutableArray.Create(
            "name", "header", "prefix", "suffix", "path", "file", "url", "uri", "endpoint", "label", "prompt", "message",
            "text", "hint", "placeholder", "tooltip", "description", "title", "caption", "error", "field", "pattern",
            "regex", "format", "length", "policy", "type", "kind", "mode", "scheme", "setting", "section", "configkey",
            "envvar", "variable", "var", "id", "hash", "salt", "expiry", "expiration", "expires", "lifetime", "timeout",
            "version", "count", "source", "provider", "store", "vault", "location", "reference", "ref", "mask", "rule",
            "validator", "claim", "parameter", "param", "property", "column", "attribute", "option", "flag", "enabled");

        /// <summary>Values that are authentication scheme or header names, never credentials.</summary>
        private static readonly ImmutableArray<string> SchemeWords = ImmutableArray.Create(
            "bearer", "basic", "token", "digest", "negotiate", "ntlm", "apikey", "authorization", "proxyauthorization", "hmac");

        /// <summary>Whole values (compared without separators, case-insensitively) that stand for "fill this in".</summary>
        private static readonly ImmutableArray<string> PlaceholderValues = ImmutableArray.Create(
            "changeme", "changeit", "replaceme", "placeholder", "todo", "tbd", "fixme", "redacted", "dummy", "none",
            "null", "undefined", "notset", "empty", "secret", "password", "example", "sample");

        /// <summary>Words a setting name drops from its start: <c>CybridClientSecret</c> and <c>OAuthClientSecret</c> are both <c>ClientSecret</c>.</summary>
        private static readonly ImmutableArray<string> LeadingWords = ImmutableArray.Create("Cybrid", "OAuth");

        /// <summary>File extensions that make a value a path to a key, not a key.</summary>
        private static readonly ImmutableArray<string> FileExtensions = ImmutableArray.Create(
            ".pem", ".key", ".pfx", ".p12", ".crt", ".cer", ".der", ".json", ".txt", ".xml", ".config", ".env", ".yaml", ".yml");

        /// <summary>
        /// Turns <c>additional_secret_names</c> items into word runs: lower-case letters and digits only
        /// (<c>pass_phrase</c> → <c>passphrase</c>).
        /// </summary>
        public static ImmutableArray<string> NormalizeWords(ImmutableArray<string> items)
        {
            if (items.IsDefaultOrEmpty)
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>(items.Length);
            foreach (var item in items)
            {
                var text = new StringBuilder(item.Length);
                foreach (var c in item)
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        text.Append(char.ToLowerInvariant(c));
                    }
                }

                if (text.Length > 0)
                {
                    builder.Add(text.ToString());
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>What <paramref name="name"/> (an identifier, a dictionary key, a JSON property) says about its value.</summary>
        public static CredentialNameKind Classify(string? name, ImmutableArray<string> additionalWords)
        {
            if (name == null || name.Length < 3)
            {
                return CredentialNameKind.None;
            }

            foreach (var words in SecretWords)
            {
                if (NameMatches(name, words))
                {
                    return CredentialNameKind.Secret;
                }
            }

            if (!additionalWords.IsDefault)
            {
                foreach (var words in additionalWords)
                {
                    if (NameMatches(name, words))
                    {
                        return CredentialNameKind.Secret;
                    }
                }
            }

            return NameMatches(name, ClientIdWords) ? CredentialNameKind.ClientId : CredentialNameKind.None;
        }

        /// <summary>
        /// The name of a setting, the <c>Cybrid:&lt;Name&gt;</c> key and the <c>CYBRID_&lt;NAME&gt;</c> variable: PascalCase, without a
        /// field prefix (<c>_</c>, <c>s_</c>, <c>m_</c>), a header's <c>X-</c> or a leading <c>Cybrid</c> word.
        /// </summary>
        public static string SettingName(string identifier)
        {
            var text = identifier.TrimStart('_', '@');
            if (text.Length > 2 && text[1] == '_' && char.IsLower(text[0]))
            {
                text = text.Substring(2);
            }

            if (text.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
            {
                text = text.Substring(2);
            }

            var pascal = IdentifierWords.ToPascalCase(text);
            foreach (var lead in LeadingWords)
            {
                if (pascal.StartsWith(lead, StringComparison.Ordinal) && pascal.Length > lead.Length && char.IsUpper(pascal[lead.Length]))
                {
                    pascal = pascal.Substring(lead.Length);
                }
            }

            return pascal.Length == 0 ? "Secret" : pascal;
        }

        /// <summary><c>ClientSecret</c> → <c>CYBRID_CLIENT_SECRET</c>.</summary>
        public static string EnvironmentVariableName(string settingName) => "CYBRID_" + IdentifierWords.ToUpperSnakeCase(settingName);

        /// <summary><c>ClientSecret</c> → <c>Cybrid:ClientSecret</c>.</summary>
        public static string ConfigurationKey(string settingName) => "Cybrid:" + settingName;

        /// <summary>
        /// True when <paramref name="value"/> could be a real credential: not empty, not a placeholder, not the name of
        /// a setting, variable or header, not UI text, not a URL without user info, not a file path.
        /// </summary>
        public static bool IsPlausibleCredential(string value, ImmutableArray<string> additionalWords)
        {
            var text = value.Trim();
            if (text.Length == 0 || HasWhitespace(text))
            {
                return false; // UI text such as "Enter your password", or a sentence that mentions a secret
            }

            if (!HasLetterOrDigit(text) || IsPlaceholder(text))
            {
                return false;
            }

            var schemeIndex = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeIndex > 0)
            {
                return HasUserInfoPassword(text, schemeIndex + 3);
            }

            if (IsIdentifierLike(text))
            {
                if (Classify(text, additionalWords) != CredentialNameKind.None || IsSchemeWord(text))
                {
                    return false; // "Cybrid:ClientSecret", "CYBRID_CLIENT_SECRET", "X-Api-Key", "Bearer"
                }

                if (text.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && IsHeaderName(text))
                {
                    return false; // "X-Cybrid-Signature"
                }
            }

            var dot = text.LastIndexOf('.');
            if (dot > 0 && text.Length - dot <= 7)
            {
                foreach (var extension in FileExtensions)
                {
                    if (extension.Length == text.Length - dot && string.Compare(text, dot, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary><c>&lt;…&gt;</c>, <c>{{…}}</c>, <c>${…}</c>, <c>YOUR_…</c>, <c>…_HERE</c>, <c>changeme</c>, <c>xxx…</c>, <c>***</c>, one repeated character, <c>...</c>.</summary>
        public static bool IsPlaceholder(string text)
        {
            if (text.Length >= 2 && text[0] == '<' && text[text.Length - 1] == '>')
            {
                return true;
            }

            if ((text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
                || ((text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.EndsWith("}", StringComparison.Ordinal))
                || (text.StartsWith("$(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
                || (text.Length > 2 && text[0] == '%' && text[text.Length - 1] == '%')
                || (text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']'))
            {
                return true;
            }

            if (text.IndexOf("***", StringComparison.Ordinal) >= 0 || text.IndexOf("...", StringComparison.Ordinal) >= 0 || text.IndexOf('…') >= 0)
            {
                return true;
            }

            if (text.StartsWith("xxx", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (StartsWithWord(text, "your") || EndsWithWord(text, "here"))
            {
                return true;
            }

            var allSame = true;
            for (var i = 1; i < text.Length && allSame; i++)
            {
                allSame = char.ToLowerInvariant(text[i]) == char.ToLowerInvariant(text[0]);
            }

            if (allSame)
            {
                return true;
            }

            foreach (var placeholder in PlaceholderValues)
            {
                if (EqualsIgnoringSeparators(text, placeholder))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="text"/> could be reported somewhere: a credential shape, JSON or form text, or a plausible value (also after an authentication scheme).</summary>
        public static bool MayBeReported(string text, ImmutableArray<string> additionalWords)
        {
            if (MayHoldCredentialText(text))
            {
                return true;
            }

            return IsPlausibleCredential(text, additionalWords)
                   || text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                   || text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// False when <paramref name="text"/> can hold no JWT (it has no <c>eyJ</c>), no PEM block (no <c>-----BEGIN </c>)
        /// and no JSON or form secret field (no <c>:</c> or <c>=</c>): then only the name of the place it goes can make it a
        /// credential.
        /// </summary>
        public static bool MayHoldCredentialText(string text)
            => text.IndexOf(':') >= 0 || text.IndexOf('=') >= 0 || text.IndexOf("eyJ", StringComparison.Ordinal) >= 0 || text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;

        /// <summary>The credential-like part of <paramref name="text"/>: a JWT or a PEM private key block.</summary>
        public static CredentialShape FindCredential(string text, out int start, out int length)
        {
            if (TryFindJwt(text, out start, out length))
            {
                return CredentialShape.Jwt;
            }

            if (TryFindPemPrivateKey(text, out start, out length))
            {
                return CredentialShape.PemPrivateKey;
            }

            start = length = 0;
            return CredentialShape.None;
        }

        /// <summary>
        /// A <c>"key": "value"</c> (JSON) or <c>key=value</c> (form or query text) pair of <paramref name="text"/> whose
        /// key says secret or client ID and whose value is plausible; secrets win over client IDs.
        /// </summary>
        public static bool TryFindSecretField(string text, ImmutableArray<string> additionalWords, out string key, out string value, out CredentialNameKind kind, out bool isJson)
        {
            key = value = string.Empty;
            kind = CredentialNameKind.None;
            isJson = false;
            if (text.Length < 5 || (text.IndexOf(':') < 0 && text.IndexOf('=') < 0))
            {
                return false;
            }

            ScanJson(text, additionalWords, ref key, ref value, ref kind, ref isJson);
            if (kind != CredentialNameKind.Secret)
            {
                ScanForm(text, additionalWords, ref key, ref value, ref kind, ref isJson);
            }

            return kind != CredentialNameKind.None;
        }

        /// <summary>True when every character is a letter, digit or one of <c>_ - . : /</c> (a name, a key, a path segment).</summary>
        public static bool IsIdentifierLike(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '/'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool NameMatches(string name, string words)
        {
            if (!IdentifierWords.Contains(name, words))
            {
                return false;
            }

            if (IdentifierWords.EndsWith(name, words))
            {
                return true;
            }

            foreach (var qualifier in Qualifiers)
            {
                if (IdentifierWords.EndsWith(name, qualifier))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSchemeWord(string text)
        {
            foreach (var word in SchemeWords)
            {
                if (EqualsIgnoringSeparators(text, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><paramref name="text"/>'s letters and digits, lower-cased, equal <paramref name="word"/> (no allocation).</summary>
        private static bool EqualsIgnoringSeparators(string text, string word)
        {
            var w = 0;
            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    continue;
                }

                if (w == word.Length || char.ToLowerInvariant(c) != word[w])
                {
                    return false;
                }

                w++;
            }

            return w == word.Length;
        }

        private static bool IsHeaderName(string text)
        {
            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasUserInfoPassword(string url, int authorityStart)
        {
            var end = authorityStart;
            while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
            {
                end++;
            }

            var at = url.LastIndexOf('@', end - 1, end - authorityStart);
            if (at < 0)
            {
                return false;
            }

            var colon = url.IndexOf(':', authorityStart, at - authorityStart);
            return colon >= 0 && colon + 1 < at && !IsPlaceholder(url.Substring(colon + 1, at - colon - 1));
        }

        private static bool StartsWithWord(string text, string word)
        {
            if (text.Length <= word.Length || !text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var next = text[word.Length];
            return !char.IsLetterOrDigit(next) || (char.IsUpper(next) && !char.IsUpper(text[word.Length - 1]));
        }

        private static bool EndsWithWord(string text, string word)
        {
            if (text.Length <= word.Length || !text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var first = text.Length - word.Length;
            var previous = text[first - 1];
            return !char.IsLetterOrDigit(previous) || (char.IsUpper(text[first]) && char.IsLower(previous));
        }

        private static bool HasLetterOrDigit(string text)
        {
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasWhitespace(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- JWT ----------------------------------------------------------------------------------------------

        private static bool IsBase64Url(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

        private static bool TryFindJwt(string text, out int start, out int length)
        {
            start = length = 0;
            var index = text.IndexOf("eyJ", StringComparison.Ordinal);
            while (index >= 0)
            {
                if (index == 0 || !(IsBase64Url(text[index - 1]) || text[index - 1] == '.'))
                {
                    var headerEnd = ScanBase64Url(text, index);
                    if (headerEnd - index >= 10 && headerEnd < text.Length && text[headerEnd] == '.')
                    {
                        var payloadEnd = ScanBase64Url(text, headerEnd + 1);
                        if (payloadEnd - headerEnd - 1 >= 4 && payloadEnd < text.Length && text[payloadEnd] == '.')
                        {
                            var signatureEnd = ScanBase64Url(text, payloadEnd + 1);
                            var followedByToken = signatureEnd < text.Length && text[signatureEnd] == '.';
                            if (signatureEnd - payloadEnd - 1 >= 8 && !followedByToken && HeaderIsJson(text, index, headerEnd - index))
                            {
                                start = index;
                                length = signatureEnd - index;
                                return true;
                            }
                        }
                    }
                }

                index = text.IndexOf("eyJ", index + 3, StringComparison.Ordinal);
            }

            return false;
        }

        private static int ScanBase64Url(string text, int from)
        {
            var i = from;
            while (i < text.Length && IsBase64Url(text[i]))
            {
                i++;
            }

            return i;
        }

        private static bool HeaderIsJson(string text, int start, int length)
        {
            if (length % 4 == 1)
            {
                return false;
            }

            var base64 = new StringBuilder(length + 3);
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                base64.Append(c == '-' ? '+' : c == '_' ? '/' : c);
            }

            while (base64.Length % 4 != 0)
            {
                base64.Append('=');
            }

            try
            {
                var header = Encoding.UTF8.GetString(Convert.FromBase64String(base64.ToString()));
                return header.IndexOf("\"alg\"", StringComparison.Ordinal) >= 0 || header.IndexOf("\"typ\"", StringComparison.Ordinal) >= 0;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // ---- PEM ----------------------------------------------------------------------------------------------

        private static bool TryFindPemPrivateKey(string text, out int start, out int length)
        {
            start = length = 0;
            const string Begin = "-----BEGIN ";
            var index = text.IndexOf(Begin, StringComparison.Ordinal);
            while (index >= 0)
            {
                var labelStart = index + Begin.Length;
                var labelEnd = text.IndexOf("-----", labelStart, StringComparison.Ordinal);
                if (labelEnd < 0)
                {
                    return false;
                }

                var label = text.Substring(labelStart, labelEnd - labelStart);
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
                {
                    var bodyStart = labelEnd + 5;
                    var bodyEnd = text.IndexOf("-----END", bodyStart, StringComparison.Ordinal);
                    var stop = bodyEnd < 0 ? text.Length : bodyEnd;
                    var base64 = 0;
                    for (var i = bodyStart; i < stop; i++)
                    {
                        var c = text[i];
                        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')
                        {
                            base64++;
                        }
                    }

                    if (base64 >= 40)
                    {
                        var end = stop;
                        if (bodyEnd >= 0)
                        {
                            var close = text.IndexOf("-----", bodyEnd + 8, StringComparison.Ordinal);
                            end = close < 0 ? text.Length : close + 5;
                        }

                        start = index;
                        length = end - index;
                        return true;
                    }
                }

                index = text.IndexOf(Begin, labelEnd, StringComparison.Ordinal);
            }

            return false;
        }

        // ---- JSON and form text -----------------------------------------------------------------------------

        private static void ScanJson(string text, ImmutableArray<string> additionalWords, ref string key, ref string value, ref CredentialNameKind kind, ref bool isJson)
        {
            var i = text.IndexOf('"');
            while (i >= 0 && i + 1 < text.Length)
            {
                var keyEnd = FindQuote(text, i + 1);
                if (keyEnd < 0)
                {
                    return;
                }

                var candidate = text.Substring(i + 1, keyEnd - i - 1);
                var next = keyEnd + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && text[next] == ':' && IsIdentifierLike(candidate))
                {
                    var valueStart = next + 1;
                    while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]))
                    {
                        valueStart++;
                    }

                    var candidateKind = Classify(candidate, additionalWords);
                    if (candidateKind > kind && valueStart < text.Length && text[valueStart] == '"')
                    {
                        var valueEnd = FindQuote(text, valueStart + 1);
                        if (valueEnd > valueStart + 1)
                        {
                            var candidateValue = text.Substring(valueStart + 1, valueEnd - valueStart - 1);
                            if (FindCredential(candidateValue, out _, out _) != CredentialShape.None || IsPlausibleCredential(candidateValue, additionalWords))
                            {
                                key = candidate;
                                value = candidateValue;
                                kind = candidateKind;
                                isJson = true;
                                if (kind == CredentialNameKind.Secret)
                                {
                                    return;
                                }
                            }
                        }
                    }

                    i = text.IndexOf('"', valueStart < text.Length && text[valueStart] == '"' ? Math.Max(FindQuote(text, valueStart + 1), valueStart) + 1 : valueStart);
                    continue;
                }

                i = keyEnd; // the closing quote may open the next string: ","client_secret"
            }
        }

        private static int FindQuote(string text, int from)
        {
            for (var i = from; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    return i;
                }
            }

            return -1;
        }

        private static void ScanForm(string text, ImmutableArray<string> additionalWords, ref string key, ref string value, ref CredentialNameKind kind, ref bool isJson)
        {
            var start = 0;
            while (start < text.Length)
            {
                var end = start;
                while (end < text.Length && text[end] != '&' && text[end] != '?')
                {
                    end++;
                }

                var equals = text.IndexOf('=', start, end - start);
                if (equals > start)
                {
                    var candidate = text.Substring(start, equals - start);
                    var candidateValue = Uri.UnescapeDataString(text.Substring(equals + 1, end - equals - 1));
                    var candidateKind = IsFormKey(candidate) ? Classify(candidate, additionalWords) : CredentialNameKind.None;
                    if (candidateKind > kind && candidateValue.Length > 0 && IsPlausibleCredential(candidateValue, additionalWords))
                    {
                        key = candidate;
                        value = candidateValue;
                        kind = candidateKind;
                        isJson = false;
                        if (kind == CredentialNameKind.Secret)
                        {
                            return;
                        }
                    }
                }

                start = end + 1;
            }
        }

        private static bool IsFormKey(string text)
        {
            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return text.Length > 0;
        }
    }
}

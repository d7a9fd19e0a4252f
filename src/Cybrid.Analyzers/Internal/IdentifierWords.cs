using System;
using System.Text;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// Matches identifiers on their word parts, case-insensitively: <c>ClientSecret</c>, <c>client_secret</c>,
    /// <c>CLIENT_SECRET</c> and <c>clientSecret</c> all have the words <c>client</c> and <c>secret</c>, and a
    /// pattern such as <c>apikey</c> matches the run of words <c>api</c>, <c>key</c> as well as the single word
    /// <c>apikey</c>. <c>ghost</c> does not end with the word <c>host</c>; <c>originalValue</c> has no word
    /// <c>origin</c>.
    /// </summary>
    internal static class IdentifierWords
    {
        /// <summary>True when some run of consecutive words, joined, equals <paramref name="pattern"/> (or its plural).</summary>
        public static bool Contains(string? identifier, string pattern)
        {
            if (identifier == null || identifier.Length < pattern.Length || !ContainsIgnoringSeparators(identifier, pattern))
            {
                return false;
            }

            var starts = WordStarts(identifier, out var count);
            for (var first = 0; first < count; first++)
            {
                if (MatchesRunFrom(identifier, starts, count, first, pattern, mustEnd: false))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the last words, joined, equal <paramref name="pattern"/> (or its plural).</summary>
        public static bool EndsWith(string? identifier, string pattern)
        {
            if (identifier == null || identifier.Length < pattern.Length || !ContainsIgnoringSeparators(identifier, pattern))
            {
                return false;
            }

            var starts = WordStarts(identifier, out var count);
            for (var first = count - 1; first >= 0; first--)
            {
                if (MatchesRunFrom(identifier, starts, count, first, pattern, mustEnd: true))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The letters and digits of <paramref name="pattern"/> appear in a row in <paramref name="identifier"/> once its
        /// separators are skipped, case ignored. Every run of words <see cref="Contains"/> or <see cref="EndsWith"/>
        /// matches is such a row, so this allocation-free scan answers most names (of business code) before the words
        /// are split.
        /// </summary>
        public static bool ContainsIgnoringSeparators(string identifier, string pattern)
        {
            if (pattern.Length == 0)
            {
                return true;
            }

            // each letter of the pattern takes one character of the identifier, so a row cannot start later than this
            var first = LowerInvariant(pattern[0]);
            var lastStart = identifier.Length - pattern.Length;
            for (var start = 0; start <= lastStart; start++)
            {
                if (LowerInvariant(identifier[start]) != first)
                {
                    continue; // most starts fail on their first letter: one comparison, no call
                }

                var i = start + 1;
                var p = 1;
                while (i < identifier.Length && p < pattern.Length)
                {
                    var c = identifier[i];
                    if (IsSeparator(c))
                    {
                        i++;
                        continue;
                    }

                    if (LowerInvariant(c) != LowerInvariant(pattern[p]))
                    {
                        break;
                    }

                    i++;
                    p++;
                }

                if (p == pattern.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><see cref="char.ToLowerInvariant"/>, with the ASCII letters (nearly every identifier) done inline.</summary>
        private static char LowerInvariant(char c)
        {
            if (c < 0x80)
            {
                return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
            }

            return char.ToLowerInvariant(c);
        }

        /// <summary><c>ClientSecret</c> → <c>CLIENT_SECRET</c>; <c>webhook-signing.key</c> → <c>WEBHOOK_SIGNING_KEY</c>.</summary>
        public static string ToUpperSnakeCase(string identifier)
        {
            var starts = WordStarts(identifier, out var count);
            var builder = new StringBuilder(identifier.Length + count);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                var end = WordEnd(identifier, starts, count, i);
                for (var c = starts[i]; c < end; c++)
                {
                    builder.Append(char.ToUpperInvariant(identifier[c]));
                }
            }

            return builder.ToString();
        }

        /// <summary><c>client_secret</c> → <c>ClientSecret</c>.</summary>
        public static string ToPascalCase(string identifier)
        {
            var starts = WordStarts(identifier, out var count);
            var builder = new StringBuilder(identifier.Length);
            for (var i = 0; i < count; i++)
            {
                var end = WordEnd(identifier, starts, count, i);
                for (var c = starts[i]; c < end; c++)
                {
                    builder.Append(c == starts[i] ? char.ToUpperInvariant(identifier[c]) : char.ToLowerInvariant(identifier[c]));
                }
            }

            return builder.ToString();
        }

        private static bool MatchesRunFrom(string identifier, int[] starts, int count, int first, string pattern, bool mustEnd)
        {
            var p = 0;
            for (var word = first; word < count; word++)
            {
                var end = WordEnd(identifier, starts, count, word);
                for (var c = starts[word]; c < end; c++)
                {
                    if (p == pattern.Length)
                    {
                        // the pattern ended inside this word: only a plural "s" closing the word is allowed
                        return c == end - 1 && char.ToLowerInvariant(identifier[c]) == 's' && (!mustEnd || word == count - 1);
                    }

                    if (char.ToLowerInvariant(identifier[c]) != char.ToLowerInvariant(pattern[p]))
                    {
                        return false;
                    }

                    p++;
                }

                if (p == pattern.Length)
                {
                    return !mustEnd || word == count - 1;
                }
            }

            return false;
        }

        private static int WordEnd(string identifier, int[] starts, int count, int word)
        {
            var end = word + 1 < count ? starts[word + 1] : identifier.Length;
            while (end > starts[word] && IsSeparator(identifier[end - 1]))
            {
                end--;
            }

            return end;
        }

        private static int[] WordStarts(string identifier, out int count)
        {
            var starts = new int[identifier.Length + 1];
            count = 0;
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                if (IsSeparator(c))
                {
                    continue;
                }

                var previous = i > 0 ? identifier[i - 1] : '\0';
                var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
                var isStart = i == 0
                    || IsSeparator(previous)
                    || (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next))
                    || (char.IsDigit(c) != char.IsDigit(previous));
                if (isStart)
                {
                    starts[count++] = i;
                }
            }

            return starts;
        }

        private static bool IsSeparator(char c)
            => c < 0x80 ? !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) : !char.IsLetterOrDigit(c);
    }
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>
    /// Deterministic damage that models code being typed in an editor: truncation at many points, a token deleted
    /// or duplicated, an unbalanced brace, a missing semicolon. The same input and seed always give the same mutants.
    /// </summary>
    public static class Mutations
    {
        public static IEnumerable<(string Kind, string Text)> Of(string source, int seed, int truncations = 6, int tokenEdits = 3)
        {
            var random = new Random(seed);
            for (var i = 1; i <= truncations; i++)
            {
                var cut = (int)((long)source.Length * i / (truncations + 1)) + random.Next(0, 7) - 3;
                cut = Math.Max(0, Math.Min(source.Length, cut));
                yield return ("truncate@" + cut, source.Substring(0, cut));
            }

            var tokens = new List<SyntaxToken>();
            foreach (var token in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.EndOfFileToken) && !token.IsMissing && token.Span.Length > 0)
                {
                    tokens.Add(token);
                }
            }

            if (tokens.Count == 0)
            {
                yield break;
            }

            for (var i = 0; i < tokenEdits; i++)
            {
                var token = tokens[random.Next(tokens.Count)];
                yield return ("delete@" + token.SpanStart, source.Remove(token.SpanStart, token.Span.Length));
                var other = tokens[random.Next(tokens.Count)];
                yield return ("duplicate@" + other.SpanStart, source.Insert(other.SpanStart, other.Text + " "));
            }

            var brace = Pick(tokens, SyntaxKind.CloseBraceToken, random);
            if (brace.HasValue)
            {
                yield return ("unbalanced-close@" + brace.Value.SpanStart, source.Remove(brace.Value.SpanStart, 1));
            }

            var open = Pick(tokens, SyntaxKind.OpenBraceToken, random);
            if (open.HasValue)
            {
                yield return ("extra-open@" + open.Value.SpanStart, source.Insert(open.Value.SpanStart, "{ "));
            }

            var semicolon = Pick(tokens, SyntaxKind.SemicolonToken, random);
            if (semicolon.HasValue)
            {
                yield return ("no-semicolon@" + semicolon.Value.SpanStart, source.Remove(semicolon.Value.SpanStart, 1));
            }

            var paren = Pick(tokens, SyntaxKind.CloseParenToken, random);
            if (paren.HasValue)
            {
                yield return ("no-close-paren@" + paren.Value.SpanStart, source.Remove(paren.Value.SpanStart, 1));
            }
        }

        private static SyntaxToken? Pick(List<SyntaxToken> tokens, SyntaxKind kind, Random random)
        {
            var matches = tokens.FindAll(t => t.IsKind(kind));
            return matches.Count == 0 ? (SyntaxToken?)null : matches[random.Next(matches.Count)];
        }
    }
}

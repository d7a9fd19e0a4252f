using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// CYB0002: a string expression as constant text with holes — <c>$"https://bank.sandbox.cybrid.app/api/customers/{id}"</c>
    /// is the text <c>https://bank.sandbox.cybrid.app/api/customers/</c> followed by the hole <c>id</c>. Locals with a
    /// single write and members whose every write is the same constant are followed, so a URL built in steps still
    /// folds. <see cref="Flat"/> shows each hole as <see cref="Marker"/>.
    /// </summary>
    internal sealed class PiecedText
    {
        /// <summary>Stands for a hole in <see cref="Flat"/> (a private-use character no URL or JSON literal contains).</summary>
        public const char Marker = '\uE000';

        public PiecedText(string flat, List<IOperation> holes)
        {
            Flat = flat;
            Holes = holes;
        }

        public string Flat { get; }

        /// <summary>The holes, in the order their markers appear in <see cref="Flat"/>.</summary>
        public List<IOperation> Holes { get; }

        public bool IsConstant => Holes.Count == 0;

        /// <summary>The hole of the marker at <paramref name="index"/> of <see cref="Flat"/>.</summary>
        public IOperation HoleAt(int index)
        {
            var count = 0;
            for (var i = 0; i < index; i++)
            {
                if (Flat[i] == Marker)
                {
                    count++;
                }
            }

            return Holes[count];
        }
    }

    /// <summary>A part of a URL path or query value: constant text, exactly one hole, or a mix of both (neither set).</summary>
    internal readonly struct TextValue
    {
        public TextValue(string? text, IOperation? hole)
        {
            Text = text;
            Hole = hole;
        }

        public string? Text { get; }

        public IOperation? Hole { get; }

        public bool IsConstant => Text != null;
    }

    /// <summary>A URL as CYB0002 sees it: host (when constant), path segments and query values.</summary>
    internal sealed class UrlInfo
    {
        public UrlInfo(bool isAbsolute, string? host, List<TextValue> segments, List<KeyValuePair<string, TextValue>> query)
        {
            IsAbsolute = isAbsolute;
            Host = host;
            Segments = segments;
            Query = query;
        }

        public bool IsAbsolute { get; }

        /// <summary>Lower-case host; null for a relative URL or a host that is not constant.</summary>
        public string? Host { get; }

        public List<TextValue> Segments { get; }

        public List<KeyValuePair<string, TextValue>> Query { get; }

        /// <summary>The segments after an optional leading <c>api</c>, constant text or null for the operation lookup.</summary>
        public List<string?> OperationSegments()
        {
            var result = new List<string?>(Segments.Count);
            var start = Segments.Count > 0 && Segments[0].Text == "api" ? 1 : 0;
            for (var i = start; i < Segments.Count; i++)
            {
                result.Add(Segments[i].Text);
            }

            return result;
        }

        /// <summary>The segment that stands where the template has <paramref name="templateSegment"/>.</summary>
        public TextValue? SegmentFor(BankOperation operation, string templateSegment)
        {
            var start = Segments.Count > 0 && Segments[0].Text == "api" ? 1 : 0;
            for (var i = 0; i < operation.Segments.Length && start + i < Segments.Count; i++)
            {
                if (operation.Segments[i] == templateSegment)
                {
                    return Segments[start + i];
                }
            }

            return null;
        }
    }

    /// <summary>Builds <see cref="PiecedText"/> from operations and reads URLs, JSON and form text from it.</summary>
    internal static class TokenFlowText
    {
        private const int MaxDepth = 6;

        public static PiecedText Build(IOperation operation, TokenFlowIndex? index) => Build(operation, index, 0);

        /// <summary>The whole constant value of an expression, following locals and constant members as <see cref="Build"/> does.</summary>
        public static bool TryFold(IOperation operation, TokenFlowIndex? index, out string value)
        {
            var pieced = Build(operation, index);
            value = pieced.Flat;
            return pieced.IsConstant;
        }

        /// <summary>Reads <paramref name="text"/> as an absolute or relative URL; null when it starts with a hole (an unknown base).</summary>
        public static UrlInfo? ParseUrl(PiecedText text) => ParseUrl(text.Flat, text);

        /// <summary>
        /// Resolves the relative <paramref name="relative"/> against the constant absolute <paramref name="baseUrl"/> the way
        /// <c>HttpClient</c> does (<c>new Uri(base, relative)</c>): a path starting with <c>/</c> replaces the base path,
        /// otherwise it replaces the base path's last segment.
        /// </summary>
        public static UrlInfo? ParseRelativeTo(string baseUrl, PiecedText relative)
            => TryResolve(baseUrl, relative, out var combined) ? ParseUrl(combined, relative) : null;

        /// <summary>The text of <paramref name="relative"/> resolved against the constant absolute <paramref name="baseUrl"/>.</summary>
        private static bool TryResolve(string baseUrl, PiecedText relative, out string combined)
        {
            combined = string.Empty;
            if (relative.Flat.IndexOf("://", StringComparison.Ordinal) >= 0 || !CybridUrls.TryParseAbsolute(baseUrl, out _, out _))
            {
                return false;
            }

            var authorityStart = baseUrl.IndexOf("://", StringComparison.Ordinal) + 3;
            var pathStart = baseUrl.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
            var origin = pathStart < 0 ? baseUrl : baseUrl.Substring(0, pathStart);
            var basePath = pathStart < 0 ? "/" : baseUrl.Substring(pathStart);
            var query = basePath.IndexOfAny(new[] { '?', '#' });
            if (query >= 0)
            {
                basePath = basePath.Substring(0, query);
            }

            if (relative.Flat.StartsWith("/", StringComparison.Ordinal))
            {
                combined = origin + relative.Flat;
            }
            else
            {
                var lastSlash = basePath.LastIndexOf('/');
                combined = origin + (lastSlash >= 0 ? basePath.Substring(0, lastSlash + 1) : "/") + relative.Flat;
            }

            return true;
        }

        /// <summary>
        /// The value of <c>"key": …</c> in JSON text: found with a constant (<paramref name="value"/> holds the string
        /// content, or <c>null</c> for a JSON null), or with one hole, or with a mix of text and holes.
        /// </summary>
        public static bool TryFindJsonMember(PiecedText text, string key, out TextValue value, out bool isNull)
        {
            value = default;
            isNull = false;
            var flat = text.Flat;
            var quotedKey = "\"" + key + "\"";
            var start = 0;
            while (true)
            {
                var at = flat.IndexOf(quotedKey, start, StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                var i = SkipWhitespace(flat, at + quotedKey.Length);
                start = at + quotedKey.Length;
                if (i >= flat.Length || flat[i] != ':')
                {
                    continue;
                }

                i = SkipWhitespace(flat, i + 1);
                if (i >= flat.Length)
                {
                    return false;
                }

                if (flat[i] == '"')
                {
                    var end = i + 1;
                    while (end < flat.Length && !(flat[end] == '"' && flat[end - 1] != '\\'))
                    {
                        end++;
                    }

                    value = ValueOf(text, i + 1, end);
                    return true;
                }

                if (flat[i] == PiecedText.Marker)
                {
                    value = new TextValue(null, text.HoleAt(i));
                    return true;
                }

                if (string.CompareOrdinal(flat, i, "null", 0, 4) == 0)
                {
                    isNull = true;
                    value = new TextValue("null", null);
                    return true;
                }

                var stop = flat.IndexOfAny(new[] { ',', '}', ']' }, i);
                value = ValueOf(text, i, stop < 0 ? flat.Length : stop);
                return true;
            }
        }

        /// <summary>The value of <c>key=…</c> in <c>application/x-www-form-urlencoded</c> text.</summary>
        public static bool TryFindFormMember(PiecedText text, string key, out TextValue value)
        {
            value = default;
            var flat = text.Flat;
            var position = 0;
            while (position <= flat.Length)
            {
                var end = flat.IndexOf('&', position);
                if (end < 0)
                {
                    end = flat.Length;
                }

                var equals = flat.IndexOf('=', position);
                if (equals > position && equals < end && string.CompareOrdinal(flat, position, key, 0, key.Length) == 0 && equals - position == key.Length)
                {
                    value = ValueOf(text, equals + 1, end);
                    return true;
                }

                position = end + 1;
            }

            return false;
        }

        private static PiecedText Build(IOperation operation, TokenFlowIndex? index, int depth)
        {
            var text = new StringBuilder();
            var holes = new List<IOperation>();
            Append(operation, index, text, holes, depth);
            return new PiecedText(text.ToString(), holes);
        }

        private static TextValue ValueOf(PiecedText text, int start, int end)
        {
            var flat = text.Flat;
            var markers = 0;
            for (var i = start; i < end; i++)
            {
                if (flat[i] == PiecedText.Marker)
                {
                    markers++;
                }
            }

            if (markers == 0)
            {
                return new TextValue(flat.Substring(start, end - start), null);
            }

            return markers == 1 && end - start == 1 ? new TextValue(null, text.HoleAt(start)) : new TextValue(null, null);
        }

        private static int SkipWhitespace(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        /// <summary>Parses <paramref name="flat"/>, whose markers are those of <paramref name="source"/> shifted by a constant prefix.</summary>
        private static UrlInfo? ParseUrl(string flat, PiecedText source)
        {
            if (flat.Length == 0 || flat[0] == PiecedText.Marker)
            {
                return null;
            }

            // holes keep their order; a prefix added in front (a base address) holds no markers
            var holeOffset = flat.Length - source.Flat.Length;
            var scheme = flat.IndexOf("://", StringComparison.Ordinal);
            var firstMarker = flat.IndexOf(PiecedText.Marker);
            var isAbsolute = scheme > 0 && (firstMarker < 0 || scheme < firstMarker);
            string? host = null;
            var pathStart = 0;
            if (isAbsolute)
            {
                var authorityEnd = flat.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3);
                if (authorityEnd < 0)
                {
                    authorityEnd = flat.Length;
                }

                var authority = flat.Substring(0, authorityEnd);
                if (authority.IndexOf(PiecedText.Marker) < 0 && CybridUrls.TryParseAbsolute(authority, out _, out var parsedHost))
                {
                    host = parsedHost;
                }

                pathStart = authorityEnd;
            }
            else if (scheme > 0 || HasSchemePrefix(flat))
            {
                return null; // a hole before "://", or mailto:, urn: and the like
            }

            var queryStart = flat.IndexOf('?', pathStart);
            var fragment = flat.IndexOf('#', pathStart);
            var pathEnd = queryStart >= 0 ? queryStart : (fragment >= 0 ? fragment : flat.Length);
            var segments = new List<TextValue>();
            var segmentStart = pathStart;
            for (var i = pathStart; i <= pathEnd; i++)
            {
                if (i == pathEnd || flat[i] == '/')
                {
                    if (i > segmentStart)
                    {
                        segments.Add(Shifted(source, flat, segmentStart, i, holeOffset));
                    }

                    segmentStart = i + 1;
                }
            }

            var query = new List<KeyValuePair<string, TextValue>>();
            if (queryStart >= 0)
            {
                var queryEnd = fragment > queryStart ? fragment : flat.Length;
                var position = queryStart + 1;
                while (position < queryEnd)
                {
                    var end = flat.IndexOf('&', position);
                    if (end < 0 || end > queryEnd)
                    {
                        end = queryEnd;
                    }

                    var equals = flat.IndexOf('=', position);
                    if (equals > position && equals < end)
                    {
                        var key = flat.Substring(position, equals - position);
                        if (key.IndexOf(PiecedText.Marker) < 0)
                        {
                            query.Add(new KeyValuePair<string, TextValue>(key, Shifted(source, flat, equals + 1, end, holeOffset)));
                        }
                    }

                    position = end + 1;
                }
            }

            return new UrlInfo(isAbsolute, host, segments, query);
        }

        private static bool HasSchemePrefix(string flat)
        {
            for (var i = 0; i < flat.Length; i++)
            {
                var c = flat[i];
                if (c == ':')
                {
                    return i > 0;
                }

                if (!char.IsLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return false;
        }

        private static TextValue Shifted(PiecedText source, string flat, int start, int end, int holeOffset)
        {
            var markers = 0;
            for (var i = start; i < end; i++)
            {
                if (flat[i] == PiecedText.Marker)
                {
                    markers++;
                }
            }

            if (markers == 0)
            {
                return new TextValue(flat.Substring(start, end - start), null);
            }

            return markers == 1 && end - start == 1 ? new TextValue(null, source.HoleAt(start - holeOffset)) : new TextValue(null, null);
        }

        private static void Append(IOperation? operation, TokenFlowIndex? index, StringBuilder text, List<IOperation> holes, int depth)
        {
            var unwrapped = ConstantStrings.Unwrap(operation);
            if (unwrapped == null)
            {
                return;
            }

            if (unwrapped.ConstantValue.HasValue)
            {
                if (unwrapped.ConstantValue.Value is string s)
                {
                    AppendConstant(text, s);
                    return;
                }

                if (unwrapped.ConstantValue.Value == null)
                {
                    return; // null concatenates as the empty string
                }
            }

            if (depth < MaxDepth)
            {
                switch (unwrapped)
                {
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            switch (part)
                            {
                                case IInterpolatedStringTextOperation literal when literal.Text.ConstantValue.Value is string partText:
                                    AppendConstant(text, partText);
                                    break;
                                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                                    Append(hole.Expression, index, text, holes, depth + 1);
                                    break;
                                default:
                                    AddHole(part, text, holes);
                                    break;
                            }
                        }

                        return;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        Append(binary.LeftOperand, index, text, holes, depth + 1);
                        Append(binary.RightOperand, index, text, holes, depth + 1);
                        return;
                    case ILocalReferenceOperation local when index != null:
                        var localValues = index.ValuesOf(local.Local);
                        if (localValues.Count == 1 && !local.Local.IsRef)
                        {
                            Append(localValues[0], index, text, holes, depth + 1);
                            return;
                        }

                        break;
                    case IPropertyReferenceOperation { Property.Name: "AbsoluteUri" or "OriginalString", Instance: { } uri } when uri.Type is { Name: "Uri" }:
                        Append(uri, index, text, holes, depth + 1);
                        return;
                    case IFieldReferenceOperation _:
                    case IPropertyReferenceOperation _:
                        if ((index != null && TryFoldMember(unwrapped, index, depth, out var memberText)) || TryFoldStaticReadOnly(unwrapped, out memberText))
                        {
                            AppendConstant(text, memberText);
                            return;
                        }

                        break;
                    case IObjectCreationOperation creation when creation.Type is { Name: "Uri" } && creation.Arguments.Length >= 1
                                                                && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                        Append(creation.Arguments[0].Value, index, text, holes, depth + 1);
                        return;
                    case IObjectCreationOperation creation when creation.Type is { Name: "Uri" } && creation.Arguments.Length == 2
                                                                && creation.Arguments[0].Value.Type is { Name: "Uri" }:
                        var folded = Build(creation.Arguments[0].Value, index, depth + 1);
                        if (folded.IsConstant)
                        {
                            var baseText = folded.Flat;
                            var relative = Build(creation.Arguments[1].Value, index, depth + 1);
                            if (TryResolve(baseText, relative, out var combined))
                            {
                                text.Append(combined); // the base holds no marker; the relative part keeps its holes, in order
                                holes.AddRange(relative.Holes);
                                return;
                            }
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance, Arguments.Length: 0 }
                        when instance.Type?.SpecialType == SpecialType.System_String || instance.Type is { Name: "Uri" }:
                        Append(instance, index, text, holes, depth + 1);
                        return;
                    case IInvocationOperation { TargetMethod: { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } concat:
                        foreach (var argument in concat.Arguments)
                        {
                            if (argument.Value is IArrayCreationOperation { Initializer: { } elements })
                            {
                                foreach (var element in elements.ElementValues)
                                {
                                    Append(element, index, text, holes, depth + 1);
                                }
                            }
                            else
                            {
                                Append(argument.Value, index, text, holes, depth + 1);
                            }
                        }

                        return;
                }
            }

            AddHole(unwrapped, text, holes);
        }

        /// <summary>Constant text never holds the hole marker (a literal could contain that character).</summary>
        private static void AppendConstant(StringBuilder text, string constant)
            => text.Append(constant.IndexOf(PiecedText.Marker) < 0 ? constant : constant.Replace(PiecedText.Marker, '\uFFFD'));

        private static void AddHole(IOperation operation, StringBuilder text, List<IOperation> holes)
        {
            text.Append(PiecedText.Marker);
            holes.Add(operation);
        }

        /// <summary>
        /// <c>static readonly string Bank = "https://…";</c> of any type in source: a string literal initializer on a
        /// field that only a static constructor could change, in a type that has none.
        /// </summary>
        private static bool TryFoldStaticReadOnly(IOperation reference, out string value)
        {
            value = string.Empty;
            if (!(reference is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }) || field.DeclaringSyntaxReferences.Length != 1
                || !(field.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax
                {
                    Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal,
                })
                || !(literal.Token.Value is string text))
            {
                return false;
            }

            foreach (var constructor in field.ContainingType.StaticConstructors)
            {
                if (!constructor.IsImplicitlyDeclared)
                {
                    return false;
                }
            }

            value = text;
            return true;
        }

        /// <summary>A field or property of the indexed type that only the type writes, always with the same constant.</summary>
        private static bool TryFoldMember(IOperation reference, TokenFlowIndex index, int depth, out string value)
        {
            value = string.Empty;
            if (!TokenFlowIndex.TryGetRoot(reference, out var root, out var path) || path.Length != 0 || !(root is ISymbol member)
                || !TokenFlowFacts.IsClosedMember(member, index.Type))
            {
                return false;
            }

            var values = index.ValuesOf(member);
            if (values.Count == 0)
            {
                return false;
            }

            string? agreed = null;
            foreach (var written in values)
            {
                var pieced = Build(written, index, depth + 1);
                if (!pieced.IsConstant || (agreed != null && agreed != pieced.Flat))
                {
                    return false;
                }

                agreed = pieced.Flat;
            }

            value = agreed!;
            return true;
        }
    }
}

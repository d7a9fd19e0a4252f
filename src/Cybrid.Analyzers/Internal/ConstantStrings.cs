using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// Constant-folding of string expressions over <see cref="IOperation"/>: literals, <c>const</c> chains,
    /// concatenation, interpolation whose parts are constant (in every language version, where the compiler
    /// folds only from C# 10 on), and conversions. Also the leading constant text of a partly constant
    /// expression (<c>"http://" + host</c>, <c>$"http://{host}/api"</c>), and the bytes of constant byte
    /// sources (<c>"…"u8</c>, <c>new byte[] { 1, 2 }</c>, <c>Encoding.UTF8.GetBytes("…")</c>).
    /// </summary>
    internal static class ConstantStrings
    {
        /// <summary>The whole value of a string expression made only of constants.</summary>
        public static bool TryFold(IOperation? operation, out string value)
        {
            operation = Unwrap(operation);
            if (operation == null)
            {
                value = string.Empty;
                return false;
            }

            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                if (constant.Value is string s)
                {
                    value = s;
                    return true;
                }

                value = string.Empty;
                return false;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    return TryFoldInterpolation(interpolated, out value, stopAtHole: false) == FoldResult.Complete;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                    if (TryFold(binary.LeftOperand, out var left) && TryFold(binary.RightOperand, out var right))
                    {
                        value = left + right;
                        return true;
                    }

                    break;
            }

            value = string.Empty;
            return false;
        }

        /// <summary>
        /// The constant text a string expression starts with, and the operation that holds the first of those
        /// characters (a literal, an interpolated string, or a reference to a constant). False when the
        /// expression does not start with constant text.
        /// </summary>
        public static bool TryGetLeadingText(IOperation? operation, out string text, out IOperation origin)
        {
            operation = Unwrap(operation);
            text = string.Empty;
            origin = operation!;
            if (operation == null)
            {
                return false;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    return TryFoldInterpolation(interpolated, out text, stopAtHole: true) != FoldResult.None && text.Length > 0;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                    if (TryFold(binary.LeftOperand, out var left))
                    {
                        if (left.Length == 0)
                        {
                            return TryGetLeadingText(binary.RightOperand, out text, out origin);
                        }

                        TryGetLeadingText(binary.LeftOperand, out _, out origin);
                        text = TryGetLeadingText(binary.RightOperand, out var right, out _) ? left + right : left;
                        return true;
                    }

                    return TryGetLeadingText(binary.LeftOperand, out text, out origin);
                default:
                    if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is string s && s.Length > 0)
                    {
                        text = s;
                        return true;
                    }

                    return false;
            }
        }

        /// <summary>
        /// The text behind a constant byte source, for a message or a heuristic: the string of a <c>u8</c> literal,
        /// of <c>Encoding.*.GetBytes(const)</c> or <c>Convert.FromBase64String(const)</c>/<c>FromHexString(const)</c>,
        /// or the hex of a constant <c>byte[]</c> initializer.
        /// </summary>
        public static bool TryFoldBytes(IOperation? operation, out string text)
        {
            operation = Unwrap(operation);
            text = string.Empty;
            switch (operation)
            {
                case IUtf8StringOperation utf8:
                    text = utf8.Value;
                    return true;
                case IArrayCreationOperation { Initializer: { } initializer } array
                    when array.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                    var hex = new StringBuilder(initializer.ElementValues.Length * 2);
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!element.ConstantValue.HasValue || element.ConstantValue.Value == null)
                        {
                            return false;
                        }

                        var b = System.Convert.ToByte(element.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
                        hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    text = hex.ToString();
                    return initializer.ElementValues.Length > 0;
                case IInvocationOperation invocation when invocation.Arguments.Length == 1 && IsBytesFromText(invocation.TargetMethod):
                    return TryFold(invocation.Arguments[0].Value, out text);
                default:
                    return false;
            }
        }

        /// <summary>Looks through implicit conversions, argument wrappers and <c>(string)</c> casts.</summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IArgumentOperation argument:
                        operation = argument.Value;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static bool IsBytesFromText(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null || method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            switch (method.Name)
            {
                case "GetBytes":
                    return IsInNamespace(type, "Encoding", "System", "Text") || IsInNamespace(type.BaseType, "Encoding", "System", "Text");
                case "FromBase64String":
                case "FromHexString":
                    return IsInNamespace(type, "Convert", "System", null);
                default:
                    return false;
            }
        }

        private static bool IsInNamespace(INamedTypeSymbol? type, string name, string outer, string? inner)
        {
            if (type == null || type.Name != name)
            {
                return false;
            }

            var ns = type.ContainingNamespace;
            if (inner != null)
            {
                if (ns == null || ns.Name != inner)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns != null && ns.Name == outer && ns.ContainingNamespace is { IsGlobalNamespace: true };
        }

        private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        private enum FoldResult
        {
            None,
            Partial,
            Complete,
        }

        private static FoldResult TryFoldInterpolation(IInterpolatedStringOperation interpolated, out string value, bool stopAtHole)
        {
            var builder = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                        builder.Append(s);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole when TryFold(hole.Expression, out var folded):
                        builder.Append(folded);
                        break;
                    default:
                        value = builder.ToString();
                        return stopAtHole && value.Length > 0 ? FoldResult.Partial : FoldResult.None;
                }
            }

            value = builder.ToString();
            return FoldResult.Complete;
        }
    }
}

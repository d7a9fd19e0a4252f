using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// Folding of credential values over <see cref="ConstantStrings"/>: besides constant strings and constant bytes it
    /// follows the conversions a key or a Basic header goes through (<c>Encoding.*.GetBytes</c>,
    /// <c>Convert.FromBase64String</c>/<c>FromHexString</c>, <c>Convert.ToBase64String</c>/<c>ToHexString</c>) and
    /// concatenations or interpolations made of such parts. The folded text of a conversion is the text it was made
    /// from (the value is only masked and matched, never encoded).
    /// </summary>
    internal static class CredentialValues
    {
        public static bool TryFold(IOperation? operation, out string value)
        {
            operation = ConstantStrings.Unwrap(operation);
            value = string.Empty;
            switch (operation)
            {
                case null:
                    return false;
                case { ConstantValue.HasValue: true }:
                    return ConstantStrings.TryFold(operation, out value);
                case IUtf8StringOperation:
                case IArrayCreationOperation:
                    return ConstantStrings.TryFoldBytes(operation, out value);
                case IInvocationOperation invocation when invocation.Arguments.Length == 1 && IsValueConversion(invocation.TargetMethod):
                    return TryFold(invocation.Arguments[0].Value, out value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    // the right operand first: in a left-leaning chain it is the shallow one, so a variable fails fast
                    if (TryFold(binary.RightOperand, out var right) && TryFold(binary.LeftOperand, out var left))
                    {
                        value = left + right;
                        return true;
                    }

                    return false;
                case IInterpolatedStringOperation interpolated:
                    // every hole must fold before any text is built
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && (hole.Alignment != null || hole.FormatString != null || !TryFold(hole.Expression, out _)))
                        {
                            return false;
                        }

                        if (!(part is IInterpolationOperation) && !(part is IInterpolatedStringTextOperation))
                        {
                            return false;
                        }
                    }

                    var builder = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text)
                        {
                            builder.Append(text.Text.ConstantValue.Value as string);
                        }
                        else if (part is IInterpolationOperation hole && TryFold(hole.Expression, out var folded))
                        {
                            builder.Append(folded);
                        }
                    }

                    value = builder.ToString();
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A one-argument conversion that keeps a constant constant: <c>Encoding.GetBytes(string)</c>,
        /// <c>Convert.FromBase64String</c>, <c>Convert.FromHexString</c>, <c>Convert.ToBase64String(byte[])</c>,
        /// <c>Convert.ToHexString(byte[])</c>, <c>Convert.ToHexStringLower(byte[])</c>.
        /// </summary>
        public static bool IsValueConversion(IMethodSymbol method)
        {
            if (method.Parameters.Length != 1 || method.ContainingType == null)
            {
                return false;
            }

            switch (method.Name)
            {
                case "GetBytes":
                    return method.Parameters[0].Type.SpecialType == SpecialType.System_String && IsEncoding(method.ContainingType);
                case "FromBase64String":
                case "FromHexString":
                    return method.Parameters[0].Type.SpecialType == SpecialType.System_String && IsSystemConvert(method.ContainingType);
                case "ToBase64String":
                case "ToHexString":
                case "ToHexStringLower":
                    return method.Parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } && IsSystemConvert(method.ContainingType);
                default:
                    return false;
            }
        }

        /// <summary>True for <c>Encoding.GetBytes(string)</c> and <c>Convert.FromBase64String</c>/<c>FromHexString</c>: text in, bytes out.</summary>
        public static bool IsTextToBytes(IMethodSymbol method) => IsValueConversion(method) && method.Parameters[0].Type.SpecialType == SpecialType.System_String;

        /// <summary>True for <c>Convert.ToBase64String</c>/<c>ToHexString</c>: bytes in, text out.</summary>
        public static bool IsBytesToText(IMethodSymbol method) => IsValueConversion(method) && method.Parameters[0].Type.SpecialType != SpecialType.System_String;

        private static bool IsEncoding(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "Encoding" && IsNamespace(current.ContainingNamespace, "Text", "System"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSystemConvert(INamedTypeSymbol type)
            => type.Name == "Convert" && type.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };

        private static bool IsNamespace(INamespaceSymbol? ns, string inner, string outer)
            => ns != null && ns.Name == inner && ns.ContainingNamespace is { } parent && parent.Name == outer
               && parent.ContainingNamespace is { IsGlobalNamespace: true };
    }
}

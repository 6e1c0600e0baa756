/**
 * Standard normal CDF and quantile, accurate to ~1e-7 / ~1e-9 (enough for p-values and confidence bounds).
 * Kept here rather than taken from simple-statistics (7.12.1), measured against it:
 * - cumulativeStdNormalProbability is a table in 0.01 steps of z, to 4 decimals;
 * - errorFunction is the same Numerical Recipes fit, but it returns erf, so the lower tail 0.5 * (1 + erf) cancels:
 *   at z = -7 it is off by 2e-6 relative and at z = -8 by 2% (6.11e-16 for 6.22e-16), where erfc keeps ~1e-7;
 *   above z = 0 the two agree to 2.2e-16;
 * - probit uses Winitzki's inverse erf, 2.8e-3 off at p = 0.975 (1.95716 for 1.95996), too coarse for Sen's CI.
 */

/** P(Z <= z) for a standard normal Z (W. J. Cody-style erfc via Abramowitz-Stegun 7.1.26 refined). */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** z such that P(Z <= z) = p (Acklam's rational approximation). normalQuantile(0.975) = 1.95996... */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile requires 0 < p < 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

package org.civicassist.kb.rank;

import java.util.ArrayList;
import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method: the inputs here are a dozen features, so the exact
 * Hessian is cheap and the fit converges in a few iterations without a learning rate to tune.
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /**
     * @param inputs    names of the inputs, in the order of each row of {@code x}
     * @param x         one row per example
     * @param y         label per example, 0 or 1
     * @param weight    weight per example (e.g. so that every question counts equally)
     * @param l2        penalty on the weights (not on the bias)
     * @param withBias  fit an intercept (false for pairwise ranking, where it has no meaning)
     */
    public static LinearModel fit(List<String> inputs, List<double[]> x, List<Integer> y, List<Double> weight,
                                  double l2, boolean withBias) {
        int d = inputs.size();
        int n = x.size();
        if (n == 0) {
            throw new IllegalArgumentException("no examples to fit");
        }
        int p = d + 1; // last coefficient is the bias
        double[] beta = new double[p];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < n; i++) {
                double[] xi = x.get(i);
                double z = withBias ? beta[d] : 0;
                for (int j = 0; j < d; j++) {
                    z += beta[j] * xi[j];
                }
                double mu = 1 / (1 + Math.exp(-z));
                double w = weight.get(i);
                double r = w * (y.get(i) - mu);
                double s = w * mu * (1 - mu);
                for (int j = 0; j < p; j++) {
                    double xj = j < d ? xi[j] : 1;
                    grad[j] += r * xj;
                    for (int k = 0; k <= j; k++) {
                        double xk = k < d ? xi[k] : 1;
                        hess[j][k] += s * xj * xk;
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    hess[k][j] = hess[j][k];
                }
            }
            for (int j = 0; j < d; j++) {
                grad[j] -= l2 * beta[j];
                hess[j][j] += l2;
            }
            if (!withBias) {
                grad[d] = 0;
                for (int j = 0; j < p; j++) {
                    hess[d][j] = 0;
                    hess[j][d] = 0;
                }
                hess[d][d] = 1;
            } else {
                hess[d][d] += 1e-9;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 0, weights, 0, d);
        return new LinearModel(inputs, withBias ? beta[d] : 0, weights);
    }

    /**
     * As {@link #fit} with an intercept, the penalty applied to the inputs scaled to unit variance (their weighted
     * mean and spread over {@code x}); the model returned reads raw inputs. Unscaled, the penalty falls hardest on
     * inputs that matter rarely: a flag set for one example in twenty has a small spread, needs a large weight to count
     * when it is set, and a penalty strong enough to steady the other weights shrinks it away.
     */
    public static LinearModel fitStandardised(List<String> inputs, List<double[]> x, List<Integer> y,
                                              List<Double> weight, double l2) {
        int d = inputs.size();
        double[] mean = new double[d];
        double[] spread = new double[d];
        double total = 0;
        for (int i = 0; i < x.size(); i++) {
            total += weight.get(i);
            for (int j = 0; j < d; j++) {
                mean[j] += weight.get(i) * x.get(i)[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= total;
        }
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < d; j++) {
                spread[j] += weight.get(i) * Math.pow(x.get(i)[j] - mean[j], 2);
            }
        }
        for (int j = 0; j < d; j++) {
            spread[j] = Math.sqrt(spread[j] / total);
            if (spread[j] < 1e-12) {
                spread[j] = 1; // a constant input: nothing to scale, and its weight stays 0
            }
        }
        List<double[]> scaled = new ArrayList<>(x.size());
        for (double[] row : x) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = (row[j] - mean[j]) / spread[j];
            }
            scaled.add(z);
        }
        LinearModel m = fit(inputs, scaled, y, weight, l2, true);
        double[] raw = new double[d];
        double bias = m.bias();
        for (int j = 0; j < d; j++) {
            raw[j] = m.weights()[j] / spread[j];
            bias -= raw[j] * mean[j];
        }
        return new LinearModel(inputs, bias, raw);
    }

    /** Solves {@code a · s = b} by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double diag = m[col][col];
            if (Math.abs(diag) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / diag;
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return s;
    }
}

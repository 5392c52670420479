package org.civicassist.eval;

public class EvalCli {
    public static void main(String[] args) {
    }
}

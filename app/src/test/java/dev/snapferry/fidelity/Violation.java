package dev.snapferry.fidelity;

/**
 * One way a reply departs from the service model.
 *
 * @param service   botocore's service name ({@code rds}, {@code docdb-elastic}, ...)
 * @param operation the operation whose reply it is
 * @param path      where in the reply, element or member names from the root, without list positions
 * @param problem   what kind of departure: {@code unknown member}, {@code missing required member}, {@code type},
 *                  {@code enum}, {@code list member name}, {@code envelope}, {@code undeclared error},
 *                  {@code error status}, {@code error type}, {@code duplicate member}, {@code null value}
 * @param expected  what the model says
 * @param actual    what the reply has
 * @param shape     for an unknown member, the structure shape that lacks it; otherwise empty
 */
record Violation(String service, String operation, String path, String problem, String expected, String actual,
                 String shape) {

    @Override
    public String toString() {
        return service + " " + operation + " " + path + ": " + problem + " (expected " + expected + ", actual "
                + actual + ")";
    }
}

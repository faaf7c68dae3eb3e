package org.liudong.planview.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.liudong.planview.auth.Access;
import org.liudong.planview.db.SqlStatement;
import org.liudong.planview.http.Problem;
import org.liudong.planview.http.Text;

/**
 * Admins browse the audit trail: {@code GET /admin/audit} as JSON, newest first, paged; with
 * {@code f=csv} the whole filtered trail as CSV (UTF-8 with a byte-order mark, so that Excel
 * reads the Chinese text), up to {@value #CSV_MAX} rows.
 */
public final class AuditRoutes {
    static final int CSV_MAX = 100_000;
    private static final ObjectMapper json = new ObjectMapper();
    private static final String SELECT = "SELECT id, occurred_at, user_name, user_role, client_address, action, collection_id,"
            + " parameters::text, result_size, outcome FROM audit.event";
    private static final List<String> CSV_HEADER = List.of("编号 id", "时间 time (UTC+8)", "用户 user", "角色 role", "地址 address",
            "操作 action", "图层 collection", "参数 parameters", "数量 result size", "结果 outcome");

    private final DataSource ds;

    public AuditRoutes(DataSource ds) {
        this.ds = ds;
    }

    public void register(Javalin app) {
        app.get("/admin/audit", this::browse, Access.ADMIN);
    }

    private void browse(Context ctx) throws IOException {
        boolean csv = "csv".equalsIgnoreCase(ctx.queryParam("f"));
        if (ctx.queryParam("f") != null && !csv && !"json".equalsIgnoreCase(ctx.queryParam("f"))) {
            throw Problem.badRequest("parameter f: json or csv");
        }
        AuditQuery q = AuditQuery.parse(ctx.queryParamMap(), csv ? CSV_MAX : 1000);
        ctx.header("Cache-Control", "no-store");
        if (csv) {
            csv(ctx, q);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("numberMatched", count(q));
        body.put("limit", q.limit());
        body.put("offset", q.offset());
        body.put("events", rows(q, q.limit(), q.offset()));
        ctx.json(body);
    }

    private long count(AuditQuery q) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = new SqlStatement("SELECT count(*) FROM audit.event"
                + q.where().sql(), q.where().params()).prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
    }

    private List<Map<String, Object>> rows(AuditQuery q, int limit, long offset) {
        List<Object> params = new ArrayList<>(q.where().params());
        params.add(limit);
        params.add(offset);
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = new SqlStatement(SELECT + q.where().sql()
                + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", params).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rs.getLong(1));
                row.put("time", Text.beijingTime(rs.getObject(2, OffsetDateTime.class)));
                row.put("user", rs.getString(3));
                row.put("role", rs.getString(4));
                row.put("address", rs.getString(5));
                row.put("action", rs.getString(6));
                row.put("collection", rs.getString(7));
                row.put("parameters", json.readTree(rs.getString(8)));
                long size = rs.getLong(9);
                row.put("resultSize", rs.wasNull() ? null : size);
                row.put("outcome", rs.getString(10));
                out.add(row);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
        return out;
    }

    private void csv(Context ctx, AuditQuery q) throws IOException {
        List<Map<String, Object>> rows = rows(q, q.limit() == 100 && ctx.queryParam("limit") == null ? CSV_MAX : q.limit(), q.offset());
        CsvMapper mapper = new CsvMapper();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        for (String h : CSV_HEADER) schema.addColumn(h);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"audit.csv\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.csv");
        OutputStream out = ctx.outputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var writer = mapper.writer(schema.build());
        w.write(writer.writeValueAsString(CSV_HEADER));
        for (Map<String, Object> r : rows) {
            List<Object> cells = new ArrayList<>();
            for (String k : List.of("id", "time", "user", "role", "address", "action", "collection")) cells.add(r.get(k));
            cells.add(r.get("parameters").toString());
            cells.add(r.get("resultSize"));
            cells.add(r.get("outcome"));
            w.write(writer.writeValueAsString(cells));
        }
        w.flush();
    }
}

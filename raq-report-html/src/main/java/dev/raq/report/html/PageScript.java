package dev.raq.report.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's only script: sorts a table by a clicked column and filters the samples. It reads text from the page
 * (never writes markup), and the page's content security policy admits it by its hash, so no other script can run.
 */
final class PageScript {

    static final String JS = String.join("\n",
            "(function(){'use strict';",
            "function key(td){var t=td?td.textContent.trim():'';var n=parseFloat(t.replace(/[^0-9eE.+-]/g,''));"
                    + "return /^[-+]?[0-9.]/.test(t)&&!isNaN(n)?n:t.toLowerCase();}",
            "document.querySelectorAll('table.sortable').forEach(function(table){",
            " table.querySelectorAll('th').forEach(function(th,col){var up=true;th.addEventListener('click',function(){",
            "  var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);",
            "  rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);if(typeof x!==typeof y){x=String(x);y=String(y);}"
                    + "return (x<y?-1:x>y?1:0)*(up?1:-1);});",
            "  up=!up;rows.forEach(function(r){body.appendChild(r);});});});});",
            "var cand=document.getElementById('f-candidate'),err=document.getElementById('f-errors'),"
                    + "dis=document.getElementById('f-disagree'),count=document.getElementById('f-count');",
            "function apply(){var shown=0;document.querySelectorAll('details.sample').forEach(function(d){",
            " var ok=(!err.checked||d.getAttribute('data-error')==='1')&&(!dis.checked||d.getAttribute('data-disagree')==='1');",
            " d.style.display=ok?'':'none';if(ok){shown++;}",
            " d.querySelectorAll('tr[data-candidate]').forEach(function(tr){tr.style.display=!cand.value||"
                    + "tr.getAttribute('data-candidate')===cand.value?'':'none';});});",
            " count.textContent=shown+' samples shown';}",
            "if(cand){cand.addEventListener('change',apply);err.addEventListener('change',apply);"
                    + "dis.addEventListener('change',apply);apply();}",
            "})();");

    /** The script's hash, as the content security policy names it. */
    static final String HASH = "sha256-" + sha256(JS);

    private PageScript() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

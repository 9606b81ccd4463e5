import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingReportIndexes1795969525936 implements MigrationInterface {
  name = 'TrainingReportIndexes1795969525936';

  // The new indexes are created before the old are dropped: teacher_id's foreign key needs one at all times.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_bd83757f5950ee746c01a61cd4\` ON \`training_record\` (\`county_id\`, \`start_date\`, \`category\`, \`status\`, \`hours\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_b102d6741d53698fe79daffdb8\` ON \`training_record\` (\`teacher_id\`, \`start_date\`, \`status\`, \`hours\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_db63ed9d7f4ef3033d1e5ef179\` ON \`training_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_b5fc7f4f43fc3ca3563c6f993d\` ON \`training_record\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_b5fc7f4f43fc3ca3563c6f993d\` ON \`training_record\` (\`teacher_id\`, \`start_date\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_db63ed9d7f4ef3033d1e5ef179\` ON \`training_record\` (\`county_id\`, \`start_date\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_b102d6741d53698fe79daffdb8\` ON \`training_record\``);
    await queryRunner.query(`DROP INDEX \`IDX_bd83757f5950ee746c01a61cd4\` ON \`training_record\``);
  }
}
